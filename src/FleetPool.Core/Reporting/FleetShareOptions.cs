using System.ComponentModel.DataAnnotations;
using NodaTime;

namespace FleetPool.Core.Reporting;

/// <summary>What a target measures.</summary>
public enum TargetMetric
{
    /// <summary>Fossil-independent cars and light vans ÷ all active cars and light vans (Miljöfordon Sverige).</summary>
    FossilIndependentShare,
    /// <summary>Zero-emission (electric, hydrogen) cars and light vans ÷ all — what procurement now counts as clean.</summary>
    ZeroEmissionShare,
    /// <summary>Fossil-free share of the energy actually tanked over the last 12 months.</summary>
    FossilFreeEnergyShare,
}

/// <summary>A target the fleet is measured against, e.g. 100 % fossil-independent by 2025-12-31.</summary>
public sealed class FleetTarget
{
    /// <summary>Name shown in reports, e.g. "Fossiloberoende fordonsflotta 2025".</summary>
    [Required] public string Name { get; set; } = "";
    /// <summary>The name in other languages by two-letter code, e.g. { "en": "Fossil-independent fleet 2025" }; others show <see cref="Name"/>.</summary>
    public Dictionary<string, string> Names { get; set; } = [];
    /// <summary>The name in the reader's language (the current UI culture), else <see cref="Name"/>.</summary>
    public string LocalName => Names.TryGetValue(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, out var n) && n.Length > 0 ? n : Name;
    /// <summary>What is measured.</summary>
    public TargetMetric Metric { get; set; }
    /// <summary>The share to reach, 0..1.</summary>
    [Range(0, 1)] public double Share { get; set; } = 1;
    /// <summary>The last day it may be reached (ISO date).</summary>
    [Required] public string By { get; set; } = "2025-12-31";

    /// <summary>The deadline as a date.</summary>
    public LocalDate Deadline => NodaTime.Text.LocalDatePattern.Iso.Parse(By).GetValueOrThrow();
}

/// <summary>Settings section <c>FleetShare</c>: the targets, in order (the first is the headline).</summary>
public sealed class FleetShareOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "FleetShare";

    /// <summary>
    /// The targets. Defaults: 100 % fossil-independent by 2025-12-31 (Huddinge, seed 000); a fossil-free organisation by
    /// 2030 (Stockholm, seed 001) read as all tanked energy fossil-free; 100 % zero-emission light vehicles by 2030.
    /// </summary>
    public List<FleetTarget> Targets { get; set; } =
    [
        new() { Name = "Fossiloberoende fordonsflotta 2025", Names = { ["en"] = "Fossil-independent fleet 2025" }, Metric = TargetMetric.FossilIndependentShare, Share = 1, By = "2025-12-31" },
        new() { Name = "Fossilfri energi 2030", Names = { ["en"] = "Fossil-free energy 2030" }, Metric = TargetMetric.FossilFreeEnergyShare, Share = 1, By = "2030-12-31" },
        new() { Name = "Nollutsläppsfordon 2030", Names = { ["en"] = "Zero-emission vehicles 2030" }, Metric = TargetMetric.ZeroEmissionShare, Share = 1, By = "2030-12-31" },
    ];

    /// <summary>
    /// The definition the headline fossil-independent share and the vehicle-count targets follow: <c>Official</c>
    /// (Miljöfordon Sverige, by approval; the default, as in municipal statistics) or <c>InPractice</c> (by the fuel run on).
    /// Reports always show both, each named.
    /// </summary>
    public Sustainability.ShareDefinition Definition { get; set; } = Sustainability.ShareDefinition.Official;

    /// <summary>Share of working hours in use (last 90 days) below which the planner advises removing a fossil car, 0..1.</summary>
    [Range(0, 1)] public double LowUtilisation { get; set; } = 0.15;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => Targets
        .Where(t => !NodaTime.Text.LocalDatePattern.Iso.Parse(t.By).Success || t.Share is < 0 or > 1 || string.IsNullOrWhiteSpace(t.Name))
        .Select(t => new ValidationResult($"FleetShare:Targets: '{t.Name}' needs a name, a share in 0..1 and By as yyyy-MM-dd."));
}

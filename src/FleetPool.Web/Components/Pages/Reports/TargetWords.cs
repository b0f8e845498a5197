using FleetPool.Core.Sustainability;
using FleetPool.Web.Components.Shared;
using FleetPool.Web.Localization;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace FleetPool.Web.Components.Pages.Reports;

/// <summary>
/// A target's status as one sentence, deadline first: "2025-12-31: 62.2 % – target missed by 37.8 points, 14 vehicles.
/// Today 71.4 %, 28.6 points to go; the phase-out plan reaches it on 2028-12-31." Core decides; this only words it.
/// </summary>
public static class TargetWords
{
    /// <summary>The sentence for <paramref name="t"/>, without the target's name.</summary>
    public static string Sentence(this IStringLocalizer<SharedResource> l, TargetStatus t)
    {
        var today = l["Share.Today", Pct(t.Value)].Value;
        var togo = t.Gap is { } g && g > 0 ? ", " + l["Share.GapNow", Points(g)] : "";
        var plan = t.ProjectedOn is { } p ? l["Share.PlanReaches", Date(p)].Value : l["Share.PlanNever"].Value;
        var planned = t.Metric == Core.Reporting.TargetMetric.FossilIndependentShare;
        var deadline = t.AtDeadline?.Value is null ? l["Share.NoDeadlineData", Date(t.By)].Value
            : t.MetAtDeadline == true ? l["Share.MetAtDeadline", Date(t.By), Pct(t.AtDeadline.Value)].Value
            : l["Share.MissedAtDeadline", Date(t.By), Pct(t.AtDeadline.Value), Points(t.GapAtDeadline ?? 0)]
                + (t.AtDeadline.VehiclesShort is { } n and > 0 ? ", " + l.Count("Share.Vehicles", n) : "");
        return t.Verdict switch
        {
            TargetVerdict.NoData => l["Share.NoData"],
            TargetVerdict.Met when t.DeadlinePassed => $"{deadline}. {today}.",
            TargetVerdict.Met => t.ReachedOn is { } on ? l["Share.MetSince", Date(on), Pct(t.Value)] : l["Share.MetNow", Pct(t.Value)],
            TargetVerdict.MetLate => $"{deadline}. {l["Share.ReachedLate", t.ReachedOn is { } late ? Date(late) : "–"]}; {today}.",
            TargetVerdict.Lapsed => $"{deadline}. {today}{togo}.",
            TargetVerdict.Missed => $"{deadline}. {today}{togo}{(planned ? "; " + plan : "")}.",
            TargetVerdict.OnTrack => $"{l["Share.OnTrack", Date(t.By)]} {today}{togo}; {plan}.",
            TargetVerdict.OffTrack => $"{l["Share.OffTrack", Date(t.By)]} {today}{togo}; {plan}.",
            _ => $"{l["Share.OpenBy", Date(t.By)]} {today}{togo}.",
        };
    }

    /// <summary>"fossiloberoende (Miljöfordon, efter godkännande)" or "i praktiken (efter drivmedlet det körs på)".</summary>
    public static string Of(this IStringLocalizer<SharedResource> l, ShareDefinition definition) => l[$"Share.Def.{definition}"];

    /// <summary>The severity a verdict is shown with.</summary>
    public static MudBlazor.Severity Severity(TargetVerdict verdict) => verdict switch
    {
        TargetVerdict.Met or TargetVerdict.OnTrack => MudBlazor.Severity.Success,
        TargetVerdict.Missed or TargetVerdict.OffTrack or TargetVerdict.Lapsed or TargetVerdict.MetLate => MudBlazor.Severity.Warning,
        _ => MudBlazor.Severity.Info,
    };

    /// <summary>A share as a percentage with one decimal, or "–" without data.</summary>
    public static string Pct(double? share) => share is { } s ? s.ToString("P1", System.Globalization.CultureInfo.CurrentCulture) : "–";

    private static string Points(double points) => points.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture);

    private static string Date(LocalDate d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

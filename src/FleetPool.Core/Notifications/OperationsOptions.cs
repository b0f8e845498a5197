using System.ComponentModel.DataAnnotations;

namespace FleetPool.Core.Notifications;

/// <summary>Settings section <c>Operations</c>: the housekeeping jobs' thresholds.</summary>
public sealed class OperationsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Operations";

    /// <summary>How long before the start the booker is reminded, minutes.</summary>
    [Range(5, 24 * 60)] public int ReminderMinutesBefore { get; set; } = 60;
    /// <summary>How late a return may be before the booker and fleet managers are told, minutes.</summary>
    [Range(0, 24 * 60)] public int OverdueGraceMinutes { get; set; } = 15;
    /// <summary>A trip still out that ended before this is overdue (the notices and the to-do list ask the same).</summary>
    public NodaTime.Instant OverdueBefore(NodaTime.Instant now) => now - NodaTime.Duration.FromMinutes(OverdueGraceMinutes);
    /// <summary>Days after a trip's end when its destination and free text are removed (GDPR; CONTEXT: about 3 months).</summary>
    [Range(7, 3650)] public int RetentionDays { get; set; } = 90;
    /// <summary>Days after a damage or incident report is resolved when it is deleted (its audit rows are blanked).</summary>
    [Range(30, 3650)] public int DamageRetentionDays { get; set; } = 730;
    /// <summary>How many days before its date an upkeep item (service, inspection, tyres, insurance, lease) is due.</summary>
    [Range(1, 180)] public int UpkeepLeadDays { get; set; } = 30;
    /// <summary>How many km before its reading a service is due.</summary>
    [Range(0, 20_000)] public int UpkeepLeadKm { get; set; } = 1000;
    /// <summary>Folder of the nightly SQLite backups (relative to the app's content root).</summary>
    [Required] public string BackupFolder { get; set; } = "App_Data/backups";
    /// <summary>How many nightly backups to keep.</summary>
    [Range(1, 365)] public int BackupsToKeep { get; set; } = 7;
}

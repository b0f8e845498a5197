using System.Text.RegularExpressions;
using FleetPool.Core.Bookings;

namespace FleetPool.Core.Tests;

/// <summary>
/// The one gate: every path that makes or changes a booking, and the rule families each passes. The source is read, so
/// that a new path which writes a booking another way fails here before it ships.
/// </summary>
public sealed partial class BookingGateTests
{
    // Where Core may write a booking's vehicle or times, and why; anything else is a path around the gate.
    private static readonly Dictionary<string, string> AllowedSlotWrites = new(StringComparer.Ordinal)
    {
        ["Bookings/Gate/BookingGate.cs"] = "the gate itself",
        ["Bookings/BookingLifecycle.cs"] = "an early return shortens BlockedUntil to the return time plus the buffer",
        ["Bookings/Approvals/ApprovalService.cs"] = "a declined extension puts the end it had back",
        ["Fleet/Maintenance/MaintenanceWindows.cs"] = "a workshop window ended early ends now",
    };

    [Fact]
    public void Source_NewBooking_OnlyInTheGate()
    {
        var makers = CoreFiles().Where(f => NewBooking().IsMatch(f.Text)).Select(f => f.Path).ToList();

        Assert.Equal(["Bookings/Gate/BookingGate.cs"], makers);
    }

    [Fact]
    public void Source_SlotFieldsWritten_OnlyWhereListed()
    {
        var writers = CoreFiles().Where(f => SlotWrite().IsMatch(f.Text)).Select(f => f.Path).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(AllowedSlotWrites.Keys.Order(StringComparer.Ordinal), writers);
    }

    [Fact]
    public void Source_EveryPathNamed_CalledFromItsService()
    {
        var callers = CoreFiles().Where(f => f.Text.Contains("BookingPath.", StringComparison.Ordinal) && !f.Path.StartsWith("Bookings/Gate/", StringComparison.Ordinal))
            .ToDictionary(f => f.Path, f => Enum.GetValues<BookingPath>().Where(p => f.Text.Contains($"BookingPath.{p}", StringComparison.Ordinal)).ToList());

        Assert.Equal([BookingPath.New, BookingPath.Change, BookingPath.Extension], callers["Bookings/BookingService.cs"]);
        Assert.Equal([BookingPath.SeriesOccurrence], callers["Bookings/Series/SeriesService.cs"]);
        Assert.Equal([BookingPath.WaitlistOffer, BookingPath.WaitlistClaim], callers["Bookings/Waitlist/WaitlistService.cs"]);
        // Fleet moves (workshop window, out of use, retirement) go through BookingGate.MayMoveAsync and Move, in one place.
        Assert.Equal(["Fleet/Maintenance/VehicleMoves.cs"],
            CoreFiles().Where(f => f.Text.Contains("BookingGate.Move(", StringComparison.Ordinal)).Select(f => f.Path));
    }

    [Theory]
    [InlineData(BookingPath.New, true, true)]
    [InlineData(BookingPath.Change, true, true)]
    [InlineData(BookingPath.Extension, false, true)]
    [InlineData(BookingPath.SeriesOccurrence, true, true)]
    [InlineData(BookingPath.WaitlistOffer, true, false)]
    [InlineData(BookingPath.WaitlistClaim, false, true)]
    [InlineData(BookingPath.FleetMove, false, false)]
    public void FamiliesFor_EachPath_SlotRulesAndTripFitAlwaysReasonsAndApprovalAsListed(BookingPath path, bool reasons, bool approval)
    {
        var families = BookingGate.FamiliesFor(path);

        Assert.True(families.HasFlag(RuleFamilies.SlotRules));
        Assert.True(families.HasFlag(RuleFamilies.TripFit));
        Assert.Equal(reasons, families.HasFlag(RuleFamilies.Reasons));
        Assert.Equal(approval, families.HasFlag(RuleFamilies.Approval));
        // Only the claim of a held offer skips the overlap check: the offer holds the slot already.
        Assert.Equal(path != BookingPath.WaitlistClaim, families.HasFlag(RuleFamilies.Overlap));
    }

    [Fact]
    public void FamiliesFor_EveryPath_Answered()
    {
        Assert.All(Enum.GetValues<BookingPath>(), p => Assert.NotEqual(RuleFamilies.None, BookingGate.FamiliesFor(p)));
    }

    private static IEnumerable<(string Path, string Text)> CoreFiles()
    {
        // The nearest folder above the test holding src/FleetPool.Core: the repository, or the mutation run's copy of it.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !Directory.Exists(Path.Combine(root.FullName, "src", "FleetPool.Core")))
        {
            root = root.Parent;
        }
        var core = Path.Combine(root?.FullName ?? throw new DirectoryNotFoundException("src/FleetPool.Core above the test's folder"), "src", "FleetPool.Core");
        return Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(core, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllText(f)))
            .OrderBy(f => f.Item1, StringComparer.Ordinal);
    }

    // A booking constructed (also target-typed from a method returning Booking) or added.
    [GeneratedRegex(@"new\s+Booking\b|\bBooking\??\s+\w+\([^)]*\)\s*=>\s*new\s*\(|\bBooking\??\s+\w+\s*=\s*new\s*\(|Bookings\.Add(Range)?\(")]
    private static partial Regex NewBooking();

    // An assignment to a booking's VehicleId, Start, End or BlockedUntil, alone or in a tuple; Core names its booking variables
    // booking, b, window, held or made (a series' or an energy purchase's VehicleId is not a booking's).
    [GeneratedRegex(@"\b(booking|b|window|held|made)\.(VehicleId|Start|End|BlockedUntil)\s*=(?![=>])|\(([\w.]+\s*,\s*)*(booking|b|window|held|made)\.(VehicleId|Start|End|BlockedUntil)(\s*,\s*[\w.]+)*\)\s*=(?![=>])")]
    private static partial Regex SlotWrite();
}

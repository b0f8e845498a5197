using FleetPool.Core.Reporting;
using NodaTime;

namespace FleetPool.Core.Tests;

public class SmallGroupsTests
{
    private static readonly DisclosureOptions Rules = new();

    [Fact]
    public void Hidden_OneSmallCell_NextSmallestHiddenToo() =>
        Assert.Equal([true, false, true], SmallGroups.Hidden([new(6, 3), new(9, 4), new(2, 1)], Rules));

    [Fact]
    public void Hidden_FewPeopleManyTrips_Hidden() =>
        Assert.Equal([true, true, false], SmallGroups.Hidden([new(10, 2), new(5, 3), new(8, 3)], Rules));

    [Fact]
    public void Hidden_TwoSmallCells_NoMoreHidden() =>
        Assert.Equal([true, true, false], SmallGroups.Hidden([new(1, 1), new(4, 3), new(8, 3)], Rules));

    [Fact]
    public void Hidden_AllLargeEnough_NoneHidden() =>
        Assert.Equal([false, false], SmallGroups.Hidden([new(5, 3), new(50, 12)], Rules));

    [Fact]
    public void CheckPeriod_SixDays_RefusedSevenAllowed()
    {
        Assert.NotNull(SmallGroups.CheckPeriod(new LocalDate(2026, 2, 1), new LocalDate(2026, 2, 6), Rules));
        Assert.Null(SmallGroups.CheckPeriod(new LocalDate(2026, 2, 1), new LocalDate(2026, 2, 7), Rules));
    }

    [Fact]
    public void CheckGroup_ThreeTripsOrTwoPeople_Refused()
    {
        Assert.NotNull(SmallGroups.CheckGroup(new(4, 3), Rules));
        Assert.NotNull(SmallGroups.CheckGroup(new(40, 2), Rules));
        Assert.Null(SmallGroups.CheckGroup(new(5, 3), Rules));
    }

    [Fact]
    public void CheckGroup_NoTripsAtAll_Shown() => Assert.Null(SmallGroups.CheckGroup(new(0, 0), Rules));
}

using FleetPool.Core.Common;

namespace FleetPool.Core.Tests;

public class PagingTests
{
    [Theory]
    [InlineData(1, 50, 0)]
    [InlineData(3, 50, 100)]
    [InlineData(0, 50, 0)]
    [InlineData(-5, 50, 0)]
    public void Offset_OrdinaryPages_RowsBefore(int page, int size, int expected) =>
        Assert.Equal(expected, Paging.Offset(page, size));

    [Fact]
    public void Offset_PageWhoseRowsWouldOverflow_ClampedNotNegative() =>
        Assert.Equal(int.MaxValue, Paging.Offset(int.MaxValue, 200));

    [Theory]
    [InlineData(int.MaxValue, 50, 120, false)]
    [InlineData(2, 50, 120, true)]
    [InlineData(3, 50, 150, false)]
    public void HasNext_AnyPage_OnlyWhenLaterRowsExist(int page, int size, int total, bool expected) =>
        Assert.Equal(expected, new Page<int>([], page, size, total).HasNext);
}

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
}

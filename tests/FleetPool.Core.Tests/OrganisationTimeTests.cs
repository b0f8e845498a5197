using FleetPool.Core.Time;
using NodaTime;
using static FleetPool.Core.Tests.TestFacts;

namespace FleetPool.Core.Tests;

public class OrganisationTimeTests
{
    [Fact]
    public void Resolve_SpringForwardGap_RejectedAsNonexistent()
    {
        var result = Stockholm.Resolve(new LocalDateTime(2026, 3, 29, 2, 30));
        Assert.Null(result.Instant);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_AutumnRepeatedHour_RejectedAsAmbiguous()
    {
        var result = Stockholm.Resolve(new LocalDateTime(2026, 10, 25, 2, 30));
        Assert.Null(result.Instant);
        Assert.Contains("happens twice", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_AroundSpringChange_UsesWinterThenSummerOffset()
    {
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 0, 59), Stockholm.Resolve(new LocalDateTime(2026, 3, 29, 1, 59)).Instant);
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 1, 0), Stockholm.Resolve(new LocalDateTime(2026, 3, 29, 3, 0)).Instant);
    }

    [Fact]
    public void Resolve_AroundAutumnChange_UsesSummerThenWinterOffset()
    {
        Assert.Equal(Instant.FromUtc(2026, 10, 24, 23, 59), Stockholm.Resolve(new LocalDateTime(2026, 10, 25, 1, 59)).Instant);
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 2, 0), Stockholm.Resolve(new LocalDateTime(2026, 10, 25, 3, 0)).Instant);
    }

    [Fact]
    public void ToLocal_NightOfSpringChange_SpansOnlyTwentyThreeHours()
    {
        var start = Stockholm.StartOfDay(new LocalDate(2026, 3, 29));
        var next = Stockholm.StartOfDay(new LocalDate(2026, 3, 30));
        Assert.Equal(Duration.FromHours(23), next - start);
    }

    [Fact]
    public void FromZoneId_Unknown_Throws() =>
        Assert.Throws<ArgumentException>(() => OrganisationTime.FromZoneId("Europe/Atlantis"));
}

public class IsoInstantTests
{
    [Theory]
    [InlineData("2026-03-29T09:00:00+02:00")]
    [InlineData("2026-03-29T07:00:00Z")]
    [InlineData("2026-03-29T09:00+02:00")]
    [InlineData("2026-03-29T08:00:00+01")]
    public void Parse_WithOffset_SameInstant(string text) =>
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 7, 0), IsoInstant.Parse(text));

    [Theory]
    [InlineData("2026-03-29T09:00:00")]
    [InlineData("2026-03-29")]
    [InlineData("tomorrow")]
    [InlineData("")]
    [InlineData("2026-02-30T09:00:00+01:00")]
    public void Parse_NoOffsetOrInvalid_Null(string text) => Assert.Null(IsoInstant.Parse(text));

    [Fact]
    public void Format_SummerAndWinter_ShowsStockholmOffset()
    {
        Assert.Equal("2026-03-30T09:00:00+02:00", IsoInstant.Format(Instant.FromUtc(2026, 3, 30, 7, 0), Stockholm.Zone));
        Assert.Equal("2026-10-26T09:00:00+01:00", IsoInstant.Format(Instant.FromUtc(2026, 10, 26, 8, 0), Stockholm.Zone));
    }
}

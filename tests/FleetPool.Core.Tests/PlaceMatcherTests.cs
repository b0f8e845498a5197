using FleetPool.Core.Steering;

namespace FleetPool.Core.Tests;

/// <summary>Typing a place as people do: without Swedish letters, a word's start, one typo, English words.</summary>
public sealed class PlaceMatcherTests
{
    private static readonly string[] Names = ["Huddinge sjukhus", "Vårby gård bibliotek", "Stuvsta skola", "Segeltorps förskola", "Södertälje kommunhus", "Tullinge gård"];

    [Theory]
    [InlineData("Huddinge sjukhus", "Huddinge sjukhus")]
    [InlineData("huddinge", "Huddinge sjukhus")]
    [InlineData("sjukus", "Huddinge sjukhus")]
    [InlineData("hudinge sjukhus", "Huddinge sjukhus")]
    [InlineData("varby gard", "Vårby gård bibliotek")]
    [InlineData("gård vårby", "Vårby gård bibliotek")]
    [InlineData("the hospital", "Huddinge sjukhus")]
    [InlineData("town hall", "Södertälje kommunhus")]
    [InlineData("skola", "Stuvsta skola")]
    [InlineData("sodertalje", "Södertälje kommunhus")]
    public void Best_TypedAsPeopleDo_FindsThePlace(string typed, string expected)
    {
        Assert.Equal(expected, PlaceMatcher.Best(typed, Names, n => n));
    }

    [Theory]
    [InlineData("bibliotek skola")]
    [InlineData("xyz")]
    [InlineData("gå")]
    [InlineData("")]
    public void Best_NoWordMatches_ReturnsNothing(string typed)
    {
        Assert.Null(PlaceMatcher.Best(typed, Names, n => n));
    }

    [Fact]
    public void Best_SameWordsInAnotherOrder_PrefersTheNameTypedInOrder()
    {
        Assert.Equal("Skyddad brukare", PlaceMatcher.Best("skyddad brukare", ["Brukare (skyddad)", "Skyddad brukare"], n => n));
    }
}

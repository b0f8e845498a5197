using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Fleet;
using NodaTime;
using static FleetPool.Core.Tests.TestFacts;

namespace FleetPool.Core.Tests;

/// <summary>
/// The trip parser at the edges of what it accepts: the last valid hour, minute, day, month, year, length and number of
/// people, and the first invalid one. "Now" is Monday 2026-03-16 10:00 in Stockholm unless a test says otherwise.
/// </summary>
public sealed class TripPhraseParserBoundaryTests
{
    private static readonly Instant Monday10 = Local(2026, 3, 16, 10);

    private static readonly PlaceCandidate[] Places = [new(1, "Stuvsta skola"), new(2, "Tullinge gård")];

    private static TripPhrase Parse(string text, Instant? now = null) => TripPhraseParser.Parse(text, now ?? Monday10, Stockholm, Places);

    private static string? Shown(Instant? i) => i is { } x ? Stockholm.Format(x) : null;

    [Theory]
    [InlineData("bil i morgon kl 23", "2026-03-17 23:00")]
    [InlineData("bil i morgon kl 10:59", "2026-03-17 10:59")]
    [InlineData("car tomorrow at 2 pm", "2026-03-17 14:00")]
    [InlineData("car tomorrow at 9 am", "2026-03-17 09:00")]
    [InlineData("car tomorrow at 12pm", "2026-03-17 12:00")]
    [InlineData("car tomorrow at 12am", "2026-03-17 00:00")]
    [InlineData("car tomorrow at 1am", "2026-03-17 01:00")]
    [InlineData("bil i morgon @ 10", "2026-03-17 10:00")]
    [InlineData("bil kl 10", "2026-03-16 10:00")] // the very minute: still today, not tomorrow
    public void Parse_LastValidTime_IsTheStart(string phrase, string start)
    {
        var p = Parse(phrase);

        Assert.Equal(start, Shown(p.Start));
        Assert.Null(p.Destination);
        Assert.Empty(p.NotUnderstood);
        Assert.Empty(p.Problems);
    }

    [Theory]
    [InlineData("bil i morgon kl 24", "24")]
    [InlineData("bil i morgon kl 10:60", "10:60")]
    [InlineData("car tomorrow 13pm", "13pm")]
    [InlineData("car tomorrow 0am", "0am")]
    public void Parse_FirstInvalidTime_NoStartAndTheWordReported(string phrase, string word)
    {
        var p = Parse(phrase);

        Assert.Null(p.StartTime);
        Assert.Equal([word], p.NotUnderstood);
    }

    [Theory]
    [InlineData("bil 5/1", "2027-01-05")]        // January, passed this year: next year's
    [InlineData("bil 24/12", "2026-12-24")]
    [InlineData("bil 31/3", "2026-03-31")]       // the last day of a 31-day month
    [InlineData("bil 28/2", "2027-02-28")]       // the last day of February in a common year
    [InlineData("bil 16/3", "2026-03-16")]       // today is still this year's
    [InlineData("bil 2199-12-31", "2199-12-31")]
    [InlineData("bil 2000-01-01", "2000-01-01")] // a date, though past (with a time, the start would be refused)
    public void Parse_LastValidDate_IsTheDate(string phrase, string date)
    {
        var p = Parse(phrase);

        Assert.Equal(date, p.Date?.ToString("uuuu-MM-dd", null));
        Assert.Empty(p.NotUnderstood);
    }

    [Theory]
    [InlineData("bil 31/4")]
    [InlineData("bil 32/3")]
    [InlineData("bil 0/3")]
    [InlineData("bil 1/13")]
    [InlineData("bil 1/0")]
    [InlineData("bil 2200-01-01")]
    [InlineData("bil 1999-12-31")]
    [InlineData("bil 2027-02-29")]
    public void Parse_FirstInvalidDate_NoDateAndTheWordReported(string phrase)
    {
        var p = Parse(phrase);

        Assert.Null(p.Date);
        Assert.Equal([phrase[4..]], p.NotUnderstood);
    }

    [Fact]
    public void Parse_TwoDates_TheFirstTakenTheSecondReported()
    {
        var p = Parse("bil 20/3 25/3");

        Assert.Equal(new LocalDate(2026, 3, 20), p.Date);
        Assert.Equal(["25/3"], p.NotUnderstood);
    }

    [Fact]
    public void Parse_LeapDayJustAfterOne_TheNextOneFourYearsOn()
    {
        var p = Parse("bil 29/2", Local(2028, 3, 1, 10));

        Assert.Equal(new LocalDate(2032, 2, 29), p.Date);
    }

    [Theory]
    [InlineData("bil i morgon kl 10 336 h", "2026-03-31 11:00")] // 14 days, the longest length read; elapsed, so 11:00 after the clocks go forward
    [InlineData("bil i morgon kl 10 1 timme en halvtimme", "2026-03-17 11:30")]
    [InlineData("bil i morgon kl 10 10 min", "2026-03-17 10:10")]
    public void Parse_Length_AddsUpToTheEnd(string phrase, string end)
    {
        var p = Parse(phrase);

        Assert.Equal(end, Shown(p.End));
        Assert.Empty(p.NotUnderstood);
    }

    [Theory]
    [InlineData("bil i morgon kl 10 337 h", "337", "h")]
    [InlineData("bil i morgon kl 10 0 h", "0", "h")]
    [InlineData("bil i morgon kl 10 0 min", "0", "min")]
    public void Parse_LengthOutOfRange_NoLengthAndTheWordsReported(string phrase, string number, string unit)
    {
        var p = Parse(phrase);

        Assert.Equal(("2026-03-17 10:00", (string?)null, (Duration?)null), (Shown(p.Start), Shown(p.End), p.Length));
        Assert.Equal([number, unit], p.NotUnderstood);
    }

    [Theory]
    [InlineData("cykel i morgon kl 10 0 km", "km")]
    [InlineData("cykel i morgon kl 10 0 mil", "mil")]
    [InlineData("bil i morgon kl 10 0 personer", "personer")]
    [InlineData("bil i morgon kl 10 61 personer", "personer")]
    [InlineData("bil i morgon kl 10 1,5 personer", "personer")]
    public void Parse_AmountOutOfRange_NeitherDistanceNorPeopleNorATime(string phrase, string unit)
    {
        var p = Parse(phrase);

        Assert.Equal(((double?)null, (int?)null, "2026-03-17 10:00"), (p.DistanceKm, p.Passengers, Shown(p.Start)));
        Assert.Equal(unit, p.NotUnderstood[^1]);
        Assert.Equal(2, p.NotUnderstood.Count);
    }

    [Theory]
    [InlineData("skåpbil fredag 8-12 60 passagerare", 60)]
    [InlineData("bil fredag 8-12 1 person", 1)]
    public void Parse_PeopleAtTheLimits_SetsPassengers(string phrase, int passengers)
    {
        Assert.Equal(passengers, Parse(phrase).Passengers);
    }

    [Theory]
    [InlineData("bil i morgon @ 9 until 11", "2026-03-17 09:00", "2026-03-17 11:00")]
    [InlineData("bil i morgon 9 tills 11", "2026-03-17 09:00", "2026-03-17 11:00")]
    [InlineData("bil i morgon 10 till 2 timmar", "2026-03-17 10:00", "2026-03-17 12:00")] // "till 2" is not an end when hours follow
    [InlineData("bil i morgon kl 10 till 2 timmar", "2026-03-17 10:00", "2026-03-17 12:00")]
    [InlineData("bil i morgon @ 10-12", "2026-03-17 10:00", "2026-03-17 12:00")]
    [InlineData("car tomorrow from 9 to 2 pm", "2026-03-17 09:00", "2026-03-17 14:00")]
    public void Parse_RangeWords_TakeTheirTimesAndNothingElse(string phrase, string start, string end)
    {
        var p = Parse(phrase);

        Assert.Equal((start, end), (Shown(p.Start), Shown(p.End)));
        Assert.Empty(p.NotUnderstood);
        Assert.Empty(p.Problems);
    }

    [Fact]
    public void Parse_ClockWordThenAPlace_StartAndPlace()
    {
        var p = Parse("bil i morgon @ 10 till Tullinge gård");

        Assert.Equal(("2026-03-17 10:00", "Tullinge gård"), (Shown(p.Start), p.PlaceName));
        Assert.Empty(p.NotUnderstood);
    }

    [Fact]
    public void Parse_EndBeforeStart_NamesBothTimes()
    {
        var p = Parse("elcykel i morgon 12-10");

        Assert.Equal([Text.Get("Phrase.EndBeforeStart", "10:00", "12:00")], p.Problems);
    }

    [Fact]
    public void Parse_PunctuationAlone_IsNoWord()
    {
        var p = Parse("bil i morgon 10-12 . ! ( )");

        Assert.Empty(p.NotUnderstood);
        Assert.Equal("2026-03-17 12:00", Shown(p.End));
    }

    [Fact]
    public void Parse_ToFollowedOnlyByFillers_NoDestination()
    {
        var p = Parse("bil i morgon 10-12 till den");

        Assert.Null(p.Destination);
        Assert.Empty(p.NotUnderstood);
    }

    [Fact]
    public void Parse_PlaceThenPurposeNamingAnotherPlace_FirstPlaceKeptPurposeWhole()
    {
        var p = Parse("bil i morgon 10-12 till Stuvsta skola för tillsyn till Tullinge gård");

        Assert.Equal(("Stuvsta skola", "tillsyn till Tullinge gård"), (p.PlaceName, p.Purpose));
    }

    [Fact]
    public void Parse_TextOfExactlyTheMaximum_ReadToTheLastCharacter()
    {
        var head = "bil i morgon 10-12 ";
        var tail = " till Tullinge gård";
        var text = head + new string('x', TripPhraseParser.MaxLength - head.Length - tail.Length) + tail;

        var p = Parse(text);

        Assert.Equal(TripPhraseParser.MaxLength, text.Length);
        Assert.Equal("Tullinge gård", p.PlaceName);
    }
}

using FleetPool.Core.Bookings;
using FleetPool.Core.Fleet;
using NodaTime;
using static FleetPool.Core.Tests.TestFacts;

namespace FleetPool.Core.Tests;

/// <summary>
/// The one-line trip parser on Swedish and English phrasings. "Now" is Monday 2026-03-16 10:00 in Stockholm unless a
/// test says otherwise, so "i morgon" is Tuesday the 17th and "fredag" Friday the 20th; expected slots are worked out by hand.
/// </summary>
public sealed class TripPhraseParserTests
{
    private static readonly Instant Monday10 = Local(2026, 3, 16, 10);

    private static readonly PlaceCandidate[] Places =
    [
        new(1, "Huddinge sjukhus"), new(2, "Stuvsta skola"), new(3, "Trångsund äldreboende"), new(4, "Vårby gård bibliotek"),
        new(5, "Sjödalens idrottsplats"), new(6, "Segeltorps förskola"), new(7, "Länna handelsområde"), new(8, "Flemingsbergs station"),
        new(9, "Tullinge gård"), new(10, "Södertälje kommunhus"), new(11, "Brukare (skyddad adress)"),
    ];

    private static TripPhrase Parse(string text, Instant? now = null) => TripPhraseParser.Parse(text, now ?? Monday10, Stockholm, Places);

    [Fact]
    public void Parse_MoreWordsThanTheLimit_WordsPastItIgnored()
    {
        var filler = string.Join(' ', Enumerable.Repeat("x", TripPhraseParser.MaxWords - 1));

        Assert.Equal(VehicleKind.EBike, Parse(filler + " elcykel").Kind);
        Assert.Null(Parse(filler + " x elcykel").Kind);
    }

    [Fact]
    public void Parse_LongestPlaceNameAmongShortOnes_WholeNameTakenNothingLeftOver()
    {
        PlaceCandidate[] places = [new(1, "Gård"), new(2, "Vårby gård bibliotek")];

        var p = TripPhraseParser.Parse("elcykel i morgon 10-12 till Vårby gård bibliotek", Monday10, Stockholm, places);

        Assert.Equal(2, p.PlaceId);
        Assert.Empty(p.NotUnderstood);
    }

    [Fact]
    public void Parse_LongestRunOfWordsAPlaceCanHave_IsTwiceItsNamesWords()
    {
        // "town hall" reads as "kommunhus": two typed words for one of the name's, so a two-word name is looked for in four.
        PlaceCandidate[] places = [new(1, "Kommunhus Huddinge")];

        var p = TripPhraseParser.Parse("bil i morgon 10-12 town hall huddinge huddinge", Monday10, Stockholm, places);

        Assert.Equal(1, p.PlaceId);
        Assert.Empty(p.NotUnderstood);
    }

    private static string? Shown(Instant? i) => i is { } x ? Stockholm.Format(x) : null;

    [Theory]
    // Swedish
    [InlineData("elcykel i morgon 10–12 till Vårby gård", VehicleKind.EBike, "2026-03-17 10:00", "2026-03-17 12:00", "Vårby gård bibliotek")]
    [InlineData("bil fredag kl 13 3 timmar Huddinge sjukhus", VehicleKind.Car, "2026-03-20 13:00", "2026-03-20 16:00", "Huddinge sjukhus")]
    [InlineData("elcykel idag 14-16", VehicleKind.EBike, "2026-03-16 14:00", "2026-03-16 16:00", null)]
    [InlineData("bil i övermorgon kl 8 heldag", VehicleKind.Car, "2026-03-18 08:00", "2026-03-18 16:00", null)]
    [InlineData("heldag bil torsdag", VehicleKind.Car, "2026-03-19 08:00", "2026-03-19 16:00", null)]
    [InlineData("skåpbil 2026-04-02 kl 09:30 2 timmar", VehicleKind.Van, "2026-04-02 09:30", "2026-04-02 11:30", null)]
    [InlineData("lådcykel 20/3 13-15", VehicleKind.CargoBike, "2026-03-20 13:00", "2026-03-20 15:00", null)]
    [InlineData("cykel 25 mars kl 10 en timme", VehicleKind.Bike, "2026-03-25 10:00", "2026-03-25 11:00", null)]
    [InlineData("bil mellan 10 och 12 i morgon till Stuvsta skola", VehicleKind.Car, "2026-03-17 10:00", "2026-03-17 12:00", "Stuvsta skola")]
    [InlineData("elcykel i morgon från 9 till 11 till Tullinge gård", VehicleKind.EBike, "2026-03-17 09:00", "2026-03-17 11:00", "Tullinge gård")]
    [InlineData("bil kl 13.30 halv dag", VehicleKind.Car, "2026-03-16 13:30", "2026-03-16 17:30", null)]
    [InlineData("bil kl 8", VehicleKind.Car, "2026-03-17 08:00", null, null)]
    [InlineData("elcykel i morgon 10-12 till varby gard", VehicleKind.EBike, "2026-03-17 10:00", "2026-03-17 12:00", "Vårby gård bibliotek")]
    [InlineData("bil fredag 13 Huddinge sjukus", VehicleKind.Car, "2026-03-20 13:00", null, "Huddinge sjukhus")]
    [InlineData("Elcykel I MORGON 10-12 till VÅRBY GÅRD", VehicleKind.EBike, "2026-03-17 10:00", "2026-03-17 12:00", "Vårby gård bibliotek")]
    [InlineData("boka en elcykel i morgon 10-12", VehicleKind.EBike, "2026-03-17 10:00", "2026-03-17 12:00", null)]
    [InlineData("jag behöver en bil på fredag kl 14 i 2 timmar", VehicleKind.Car, "2026-03-20 14:00", "2026-03-20 16:00", null)]
    [InlineData("bil nästa onsdag 9-15", VehicleKind.Car, "2026-03-18 09:00", "2026-03-18 15:00", null)]
    [InlineData("bil i morgon 1 h 30 min kl 10", VehicleKind.Car, "2026-03-17 10:00", "2026-03-17 11:30", null)]
    [InlineData("cykel i morgon en halvtimme kl 10", VehicleKind.Bike, "2026-03-17 10:00", "2026-03-17 10:30", null)]
    [InlineData("cykel i morgon en halv timme kl 10", VehicleKind.Bike, "2026-03-17 10:00", "2026-03-17 10:30", null)]
    [InlineData("bil i dag 15:00-16:30", VehicleKind.Car, "2026-03-16 15:00", "2026-03-16 16:30", null)]
    [InlineData("cykel nu", VehicleKind.Bike, "2026-03-16 10:00", null, null)]
    [InlineData("elcykel i morgon 10-12 till Segeltorp förskola", VehicleKind.EBike, "2026-03-17 10:00", "2026-03-17 12:00", "Segeltorps förskola")]
    [InlineData("bil i morgon 10-12 till Länna", VehicleKind.Car, "2026-03-17 10:00", "2026-03-17 12:00", "Länna handelsområde")]
    [InlineData("bil i morgon 10 - 12", VehicleKind.Car, "2026-03-17 10:00", "2026-03-17 12:00", null)]
    [InlineData("bil i morgon 10 till 12 till Trångsund", VehicleKind.Car, "2026-03-17 10:00", "2026-03-17 12:00", "Trångsund äldreboende")]
    [InlineData("el-cykel tisdag kl. 10, 2 tim", VehicleKind.EBike, "2026-03-17 10:00", "2026-03-17 12:00", null)]
    [InlineData("poolbil imorgon 8-17 till Sjödalen", VehicleKind.Car, "2026-03-17 08:00", "2026-03-17 17:00", "Sjödalens idrottsplats")]
    [InlineData("bil söndag 10-12 Flemingsberg", VehicleKind.Car, "2026-03-22 10:00", "2026-03-22 12:00", "Flemingsbergs station")]
    // English
    [InlineData("e-bike tomorrow 9-11 to the town hall", VehicleKind.EBike, "2026-03-17 09:00", "2026-03-17 11:00", "Södertälje kommunhus")]
    [InlineData("car friday at 1pm for 3 hours to Huddinge hospital", VehicleKind.Car, "2026-03-20 13:00", "2026-03-20 16:00", "Huddinge sjukhus")]
    [InlineData("e-bike today 2pm-4pm", VehicleKind.EBike, "2026-03-16 14:00", "2026-03-16 16:00", null)]
    [InlineData("car tomorrow 1-3pm", VehicleKind.Car, "2026-03-17 13:00", "2026-03-17 15:00", null)]
    [InlineData("car tomorrow 9am to 11am", VehicleKind.Car, "2026-03-17 09:00", "2026-03-17 11:00", null)]
    [InlineData("van on monday from 8 to 12", VehicleKind.Van, "2026-03-23 08:00", "2026-03-23 12:00", null)]
    [InlineData("car the day after tomorrow 10-14 to the library", VehicleKind.Car, "2026-03-18 10:00", "2026-03-18 14:00", "Vårby gård bibliotek")]
    [InlineData("e-bike tomorrow 10-12 to the school", VehicleKind.EBike, "2026-03-17 10:00", "2026-03-17 12:00", "Stuvsta skola")]
    [InlineData("book a car for tomorrow at 10 for two hours", VehicleKind.Car, "2026-03-17 10:00", "2026-03-17 12:00", null)]
    [InlineData("bike tomorrow half a day from 9", VehicleKind.Bike, "2026-03-17 09:00", "2026-03-17 13:00", null)]
    [InlineData("car 20 march 10-12", VehicleKind.Car, "2026-03-20 10:00", "2026-03-20 12:00", null)]
    [InlineData("car march 25 at 9 for an hour", VehicleKind.Car, "2026-03-25 09:00", "2026-03-25 10:00", null)]
    [InlineData("electric bike tomorrow 10-12", VehicleKind.EBike, "2026-03-17 10:00", "2026-03-17 12:00", null)]
    [InlineData("cargo bike friday 9-12", VehicleKind.CargoBike, "2026-03-20 09:00", "2026-03-20 12:00", null)]
    [InlineData("van 2026-04-01 8-17", VehicleKind.Van, "2026-04-01 08:00", "2026-04-01 17:00", null)]
    [InlineData("car at 3pm", VehicleKind.Car, "2026-03-16 15:00", null, null)]
    [InlineData("e-bike tomorrow 9-11 to varby", VehicleKind.EBike, "2026-03-17 09:00", "2026-03-17 11:00", "Vårby gård bibliotek")]
    [InlineData("car tomorrow between 9 and 11 to Flemingsberg station", VehicleKind.Car, "2026-03-17 09:00", "2026-03-17 11:00", "Flemingsbergs station")]
    [InlineData("car all day wednesday", VehicleKind.Car, "2026-03-18 08:00", "2026-03-18 16:00", null)]
    [InlineData("bicycle tomorrow 10:15-11:45", VehicleKind.Bike, "2026-03-17 10:15", "2026-03-17 11:45", null)]
    public void Parse_Phrase_FillsKindSlotAndPlace(string phrase, VehicleKind kind, string start, string? end, string? place)
    {
        var p = Parse(phrase);

        Assert.Equal(kind, p.Kind);
        Assert.Equal(start, Shown(p.Start));
        Assert.Equal(end, Shown(p.End));
        Assert.Equal(place, p.PlaceName);
        Assert.Empty(p.NotUnderstood);
        Assert.Empty(p.Problems);
    }

    [Theory]
    [InlineData("cykel nu 1 h 4 km", 4.0)]
    [InlineData("bike now 1 h 4 km", 4.0)]
    [InlineData("cykel 3km nu", 3.0)]
    [InlineData("bil i morgon 9-11 4,5 km", 4.5)]
    [InlineData("car tomorrow 9-11 4.5 km", 4.5)]
    [InlineData("cykel 2 mil", 20.0)]
    [InlineData("e-bike 12 kilometres tomorrow", 12.0)]
    public void Parse_Distance_InKilometres(string phrase, double km)
    {
        var p = Parse(phrase);

        Assert.Equal(km, p.DistanceKm);
        Assert.Empty(p.NotUnderstood);
    }

    [Fact]
    public void Parse_Now_StartsNowRoundedUpToFiveMinutesForTheLength()
    {
        var p = Parse("cykel nu 1 h 4 km", Local(2026, 3, 16, 10, 2));

        Assert.Equal("2026-03-16 10:05", Shown(p.Start));
        Assert.Equal("2026-03-16 11:05", Shown(p.End));
        Assert.Equal(VehicleKind.Bike, p.Kind);
    }

    [Theory]
    [InlineData("bil i morgon 9-11 för 3 personer", 3)]
    [InlineData("car tomorrow 10-12 for 2 people to Tullinge", 2)]
    [InlineData("skåpbil fredag 8-12 5 passagerare", 5)]
    public void Parse_People_SetsPassengers(string phrase, int passengers)
    {
        var p = Parse(phrase);

        Assert.Equal(passengers, p.Passengers);
        Assert.Null(p.Purpose);
        Assert.Empty(p.NotUnderstood);
    }

    [Theory]
    [InlineData("elcykel i morgon 10-12 för hembesök", "hembesök", null)]
    [InlineData("bil i morgon kl 10 2 timmar till Flemingsbergs station för möte med rektor", "möte med rektor", "Flemingsbergs station")]
    [InlineData("e-bike tomorrow 9.30-11 for a home visit", "home visit", null)]
    [InlineData("elcykel i morgon 10-12 för tillsyn till Tullinge gård", "tillsyn", "Tullinge gård")]
    public void Parse_ForWords_AreThePurpose(string phrase, string purpose, string? place)
    {
        var p = Parse(phrase);

        Assert.Equal(purpose, p.Purpose);
        Assert.Equal(place, p.PlaceName);
        Assert.Empty(p.NotUnderstood);
    }

    [Theory]
    [InlineData("bil i morgon 10-12 till Kommunförrådet", "Kommunförrådet")]
    [InlineData("car tomorrow 10-12 to the depot in Visättra", "depot in Visättra")]
    public void Parse_UnknownDestination_KeptAsFreeText(string phrase, string destination)
    {
        var p = Parse(phrase);

        Assert.Null(p.PlaceId);
        Assert.Equal(destination, p.Destination);
        Assert.Empty(p.NotUnderstood);
    }

    [Theory]
    [InlineData("elcykel i morgon 10-12 blabla", "blabla")]
    [InlineData("car tomorrow noon", "noon")]
    [InlineData("bil 31/2", "31/2")]
    [InlineData("bil kl 25", "25")]
    [InlineData("cykel i morgon 10-12 Huddinge sjukhus xyzzy", "xyzzy")]
    public void Parse_WordsItCannotPlace_AreReported(string phrase, string notUnderstood)
    {
        var p = Parse(phrase);

        Assert.Equal([notUnderstood], p.NotUnderstood);
    }

    [Fact]
    public void Parse_EndBeforeStart_SaysSoAndLeavesNoEnd()
    {
        var p = Parse("elcykel i morgon 12-10");

        Assert.Equal("2026-03-17 12:00", Shown(p.Start));
        Assert.Null(p.End);
        Assert.Contains(p.Problems, m => m.Contains("10:00", StringComparison.Ordinal) && m.Contains("12:00", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_TodayAtAPassedTime_SaysItIsInThePast()
    {
        var p = Parse("bil idag kl 8");

        Assert.Equal("2026-03-16 08:00", Shown(p.Start));
        Assert.Single(p.Problems);
    }

    [Theory]
    [InlineData("cykel måndag", "2026-03-23")]
    [InlineData("bike on sunday", "2026-03-22")]
    [InlineData("cykel 3 km 1 april", "2026-04-01")]
    [InlineData("car 10 march", "2027-03-10")]
    public void Parse_DayWithoutTime_SetsTheDateOnly(string phrase, string date)
    {
        var p = Parse(phrase);

        Assert.Equal(date, p.Date?.ToString("uuuu-MM-dd", null));
        Assert.Null(p.Start);
        Assert.Empty(p.NotUnderstood);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Parse_Nothing_IsEmpty(string? phrase)
    {
        var p = TripPhraseParser.Parse(phrase, Monday10, Stockholm, Places);

        Assert.True(p.IsEmpty);
        Assert.Empty(p.NotUnderstood);
    }

    [Fact]
    public void Parse_VeryLongText_IsCutNotThrown()
    {
        var p = Parse("bil i morgon 10-12 " + string.Concat(Enumerable.Repeat("ord ", 500)));

        Assert.Equal("2026-03-17 10:00", Shown(p.Start));
        Assert.True(p.NotUnderstood.Count < 100);
    }

    // Spring forward: Sunday 2026-03-29, 02:00 CET becomes 03:00 CEST. Now is Friday the 27th.
    [Theory]
    [InlineData("bil söndag kl 1 3 timmar", "2026-03-29 01:00", "2026-03-29 05:00", 3)]
    [InlineData("bil söndag 1-4", "2026-03-29 01:00", "2026-03-29 04:00", 2)]
    [InlineData("car sunday 1am-4am", "2026-03-29 01:00", "2026-03-29 04:00", 2)]
    [InlineData("bil i övermorgon heldag", "2026-03-29 08:00", "2026-03-29 16:00", 8)]
    public void Parse_AcrossSpringForward_LengthIsElapsedTime(string phrase, string start, string end, int hours)
    {
        var p = Parse(phrase, Local(2026, 3, 27, 10));

        Assert.Equal(start, Shown(p.Start));
        Assert.Equal(end, Shown(p.End));
        Assert.Equal(Duration.FromHours(hours), p.Length);
        Assert.Empty(p.Problems);
    }

    // Fall back: Sunday 2026-10-25, 03:00 CEST becomes 02:00 CET. Now is Friday the 23rd.
    [Theory]
    [InlineData("bil söndag 1-4", "2026-10-25 01:00", "2026-10-25 04:00", 4)]
    [InlineData("bil söndag kl 1 2 timmar", "2026-10-25 01:00", "2026-10-25 02:00", 2)]
    public void Parse_AcrossFallBack_LengthIsElapsedTime(string phrase, string start, string end, int hours)
    {
        var p = Parse(phrase, Local(2026, 10, 23, 10));

        Assert.Equal(start, Shown(p.Start));
        Assert.Equal(end, Shown(p.End));
        Assert.Equal(Duration.FromHours(hours), p.Length);
        Assert.Empty(p.Problems);
    }

    [Theory]
    [InlineData("bil söndag kl 02:30", 2026, 3, 27)]
    [InlineData("car sunday at 2:30am", 2026, 3, 27)]
    [InlineData("bil söndag kl 02:30", 2026, 10, 23)]
    public void Parse_TimeInGapOrRepeatedHour_SaysWhyAndSetsNoStart(string phrase, int y, int m, int d)
    {
        var p = Parse(phrase, Local(y, m, d, 10));

        Assert.Null(p.Start);
        Assert.Single(p.Problems);
        Assert.Contains("02:30", p.Problems[0], StringComparison.Ordinal);
    }
}

using System.Globalization;
using FleetPool.Core.Fleet;
using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>The Swedish and English words <see cref="TripPhraseParser"/> knows, lower case.</summary>
internal static class TripPhraseWords
{
    public static readonly Dictionary<string, VehicleKind> Kinds = new(StringComparer.Ordinal)
    {
        ["elcykel"] = VehicleKind.EBike, ["elcykeln"] = VehicleKind.EBike, ["el-cykel"] = VehicleKind.EBike, ["e-cykel"] = VehicleKind.EBike,
        ["e-bike"] = VehicleKind.EBike, ["ebike"] = VehicleKind.EBike, ["e-bikes"] = VehicleKind.EBike, ["elcyklar"] = VehicleKind.EBike,
        ["cykel"] = VehicleKind.Bike, ["cykeln"] = VehicleKind.Bike, ["bike"] = VehicleKind.Bike, ["bicycle"] = VehicleKind.Bike,
        ["lådcykel"] = VehicleKind.CargoBike, ["lådcykeln"] = VehicleKind.CargoBike, ["cargo-bike"] = VehicleKind.CargoBike, ["cargobike"] = VehicleKind.CargoBike,
        ["bil"] = VehicleKind.Car, ["bilen"] = VehicleKind.Car, ["elbil"] = VehicleKind.Car, ["car"] = VehicleKind.Car, ["poolbil"] = VehicleKind.Car,
        ["skåpbil"] = VehicleKind.Van, ["skåpbilen"] = VehicleKind.Van, ["transportbil"] = VehicleKind.Van, ["van"] = VehicleKind.Van,
    };

    /// <summary>Two-word kinds: "electric bike", "cargo bike", "electric car".</summary>
    public static readonly Dictionary<(string, string), VehicleKind> KindPairs = new()
    {
        [("electric", "bike")] = VehicleKind.EBike, [("electric", "bicycle")] = VehicleKind.EBike,
        [("cargo", "bike")] = VehicleKind.CargoBike, [("electric", "car")] = VehicleKind.Car,
    };

    /// <summary>Days from today, one or more words.</summary>
    public static readonly (string[] Words, int Days)[] RelativeDays =
    [
        (["day", "after", "tomorrow"], 2), (["i", "övermorgon"], 2), (["övermorgon"], 2),
        (["i", "morgon"], 1), (["imorgon"], 1), (["tomorrow"], 1), (["tmrw"], 1),
        (["i", "dag"], 0), (["idag"], 0), (["today"], 0),
    ];

    public static readonly Dictionary<string, IsoDayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["måndag"] = IsoDayOfWeek.Monday, ["tisdag"] = IsoDayOfWeek.Tuesday, ["onsdag"] = IsoDayOfWeek.Wednesday,
        ["torsdag"] = IsoDayOfWeek.Thursday, ["fredag"] = IsoDayOfWeek.Friday, ["lördag"] = IsoDayOfWeek.Saturday, ["söndag"] = IsoDayOfWeek.Sunday,
        ["mån"] = IsoDayOfWeek.Monday, ["tis"] = IsoDayOfWeek.Tuesday, ["ons"] = IsoDayOfWeek.Wednesday, ["tors"] = IsoDayOfWeek.Thursday,
        ["fre"] = IsoDayOfWeek.Friday, ["monday"] = IsoDayOfWeek.Monday, ["tuesday"] = IsoDayOfWeek.Tuesday,
        ["wednesday"] = IsoDayOfWeek.Wednesday, ["thursday"] = IsoDayOfWeek.Thursday, ["friday"] = IsoDayOfWeek.Friday,
        ["saturday"] = IsoDayOfWeek.Saturday, ["sunday"] = IsoDayOfWeek.Sunday, ["mon"] = IsoDayOfWeek.Monday,
        ["tue"] = IsoDayOfWeek.Tuesday, ["wed"] = IsoDayOfWeek.Wednesday, ["thu"] = IsoDayOfWeek.Thursday, ["fri"] = IsoDayOfWeek.Friday,
    };

    public static readonly Dictionary<string, int> Months = BuildMonths();

    public static readonly HashSet<string> Now = ["nu", "now", "genast", "direkt"];

    public static readonly HashSet<string> Hours = ["h", "t", "tim", "timme", "timmar", "timmen", "hour", "hours", "hr", "hrs"];

    public static readonly HashSet<string> Minutes = ["min", "mins", "minut", "minuter", "minute", "minutes"];

    public static readonly HashSet<string> Kilometres = ["km", "kilometer", "kilometers", "kilometre", "kilometres"];

    public static readonly HashSet<string> People = ["personer", "person", "pers", "passagerare", "people", "persons", "passengers", "passenger"];

    public static readonly (string[] Words, Duration Length)[] NamedLengths =
    [
        (["hela", "dagen"], TripLengths.WholeDay), (["heldag"], TripLengths.WholeDay), (["whole", "day"], TripLengths.WholeDay),
        (["all", "day"], TripLengths.WholeDay), (["full", "day"], TripLengths.WholeDay),
        (["halv", "dag"], TripLengths.HalfDay), (["halvdag"], TripLengths.HalfDay), (["half", "a", "day"], TripLengths.HalfDay),
        (["half", "day"], TripLengths.HalfDay), (["en", "halvtimme"], Duration.FromMinutes(30)), (["halvtimme"], Duration.FromMinutes(30)),
        (["half", "an", "hour"], Duration.FromMinutes(30)),
    ];

    /// <summary>Words before a time: "kl 13", "at 9".</summary>
    public static readonly HashSet<string> Clock = ["kl", "klockan", "at", "@"];

    /// <summary>Words between two times: "mellan 10 och 12", "from 9 to 11".</summary>
    public static readonly HashSet<string> RangeStart = ["mellan", "between", "från", "from"];

    public static readonly HashSet<string> RangeJoin = ["och", "and", "till", "to", "-", "until", "tills"];

    /// <summary>Words that start a destination.</summary>
    public static readonly HashSet<string> ToPlace = ["till", "to", "mot", "towards", "vid", "at"];

    /// <summary>Words that start the trip's purpose.</summary>
    public static readonly HashSet<string> ForPurpose = ["för", "for", "ärende", "syfte", "purpose", "angående", "ang"];

    /// <summary>Words that carry no meaning of their own here.</summary>
    public static readonly HashSet<string> Fillers =
    [
        "boka", "book", "jag", "vill", "ska", "behöver", "need", "want", "i", "a", "an", "en", "ett", "the", "på", "on", "in",
        "och", "and", "med", "with", "please", "tack", "från", "from", "nästa", "next", "this", "den", "kl", "klockan", "för", "for",
        "mellan", "between", "till", "to", "mot", "towards", "vid", "at", "-", "om", "ca", "cirka", "about", "approx",
    ];

    private static readonly Dictionary<string, double> NumberWords = new(StringComparer.Ordinal)
    {
        ["en"] = 1, ["ett"] = 1, ["one"] = 1, ["a"] = 1, ["an"] = 1, ["två"] = 2, ["two"] = 2, ["tre"] = 3, ["three"] = 3,
        ["fyra"] = 4, ["four"] = 4, ["fem"] = 5, ["five"] = 5, ["sex"] = 6, ["six"] = 6, ["sju"] = 7, ["seven"] = 7,
        ["åtta"] = 8, ["eight"] = 8, ["nio"] = 9, ["nine"] = 9, ["tio"] = 10, ["ten"] = 10, ["halv"] = 0.5, ["half"] = 0.5,
    };

    /// <summary>A number in digits (decimal comma or point) or a word ("tre", "two").</summary>
    public static bool TryNumber(string word, out double value)
    {
        if (NumberWords.TryGetValue(word, out value))
        {
            return true;
        }
        return double.TryParse(word.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && value < 100_000;
    }

    private static Dictionary<string, int> BuildMonths()
    {
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        string[] sv = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];
        string[] en = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
        for (var m = 0; m < 12; m++)
        {
            months[sv[m]] = m + 1;
            months[en[m]] = m + 1;
            months[sv[m][..3]] = m + 1;
            months[en[m][..3]] = m + 1;
        }
        return months;
    }
}

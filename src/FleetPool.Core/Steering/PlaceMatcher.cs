using System.Globalization;
using System.Text;

namespace FleetPool.Core.Steering;

/// <summary>
/// Matches what a person typed against place names the way people type them: case and Swedish letters do not matter
/// ("varby gard" finds "Vårby gård"), a word may be the start of a name's word ("sjukh"), and a word of five letters or
/// more may have one typo (nine or more: two). Every typed word must match a word of the name, in any order.
/// Common English words are read as their Swedish counterparts ("hospital" finds "sjukhus").
/// Invariant: deterministic; the best match has the lowest score, ties go to the shorter then the alphabetically first name.
/// </summary>
public static class PlaceMatcher
{
    private static readonly Dictionary<string, string> English = new(StringComparer.Ordinal)
    {
        ["town hall"] = "kommunhus", ["city hall"] = "kommunhus", ["hospital"] = "sjukhus", ["library"] = "bibliotek",
        ["school"] = "skola", ["preschool"] = "förskola", ["nursery"] = "förskola", ["care home"] = "äldreboende",
        ["nursing home"] = "äldreboende", ["sports ground"] = "idrottsplats", ["shopping centre"] = "handelsområde",
        ["shopping center"] = "handelsområde", ["farm"] = "gård", ["railway station"] = "station", ["train station"] = "station",
    };

    /// <summary>
    /// The score of <paramref name="typed"/> against <paramref name="name"/> (0 = exact), or null when it does not match.
    /// A typed word counts as the start of a name's word from <paramref name="minPrefix"/> letters (1 while typing in a search box).
    /// </summary>
    public static int? Score(string typed, string name, int minPrefix = 3)
    {
        var words = Words(Translate(Normalise(typed)));
        var nameWords = Words(Normalise(name));
        if (words.Length == 0 || nameWords.Length == 0)
        {
            return null;
        }
        var (score, previous, inOrder) = (0, -1, true);
        foreach (var word in words)
        {
            var best = nameWords.Select((n, at) => (Score: WordScore(word, n, minPrefix), At: at)).Where(x => x.Score is not null)
                .OrderBy(x => x.Score).ThenBy(x => x.At).FirstOrDefault();
            if (best.Score is not { } s)
            {
                return null;
            }
            (score, inOrder, previous) = (score + s, inOrder && best.At > previous, best.At);
        }
        // Words of the name left unmatched, or typed in another order: a less exact match.
        return score + Math.Max(0, nameWords.Length - words.Length) + (inOrder ? 0 : 1);
    }

    /// <summary>The best-matching item, or default when none matches.</summary>
    public static T? Best<T>(string typed, IEnumerable<T> items, Func<T, string> name) where T : class =>
        items.Select(i => (Item: i, Score: Score(typed, name(i)), Name: name(i)))
            .Where(x => x.Score is not null)
            .OrderBy(x => x.Score).ThenBy(x => x.Name.Length).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => x.Item).FirstOrDefault();

    /// <summary>Lower case without diacritics (å, ä → a; ö → o; é → e), punctuation as spaces.</summary>
    public static string Normalise(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            sb.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }
        return sb.ToString().Replace('ø', 'o').Replace('æ', 'a');
    }

    private static string Translate(string normalised)
    {
        var text = $" {normalised} ";
        foreach (var (en, sv) in English)
        {
            text = text.Replace($" {en} ", $" {Normalise(sv)} ", StringComparison.Ordinal);
        }
        return text;
    }

    private static string[] Words(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("the" or "a" or "an")).ToArray();

    private static int? WordScore(string typed, string word, int minPrefix)
    {
        if (typed == word)
        {
            return 0;
        }
        if (typed.Length >= minPrefix && word.StartsWith(typed, StringComparison.Ordinal))
        {
            return 1;
        }
        if (typed.Length >= 5 && word.Contains(typed, StringComparison.Ordinal))
        {
            return 1; // "kommunhus" in "kommunhuset", "sjukhus" in "akutsjukhus"
        }
        var allowed = typed.Length >= 9 ? 2 : typed.Length >= 5 ? 1 : 0;
        var distance = allowed == 0 ? int.MaxValue : Distance(typed, word.Length > typed.Length + allowed ? word[..(typed.Length + allowed)] : word, allowed);
        return distance <= allowed ? 1 + distance : null;
    }

    // Optimal string alignment distance (Levenshtein plus adjacent transpositions), stopping once above the limit.
    private static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return int.MaxValue;
        }
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}

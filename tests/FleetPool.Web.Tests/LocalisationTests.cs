using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace FleetPool.Web.Tests;

/// <summary>Every visible string exists in Swedish and English, and every literal key the UI asks for exists.</summary>
public partial class LocalisationTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FleetPool.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("FleetPool.sln not found above the test folder.");
    }

    private static HashSet<string> Keys(string relative) =>
        XDocument.Load(Path.Combine(Root, relative)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    [Theory]
    [InlineData("src/FleetPool.Web/Localization/SharedResource.resx", "src/FleetPool.Web/Localization/SharedResource.en.resx")]
    [InlineData("src/FleetPool.Core/Common/CoreText.resx", "src/FleetPool.Core/Common/CoreText.sv.resx")]
    public void Resources_BothLanguages_SameKeys(string neutral, string other)
    {
        var (a, b) = (Keys(neutral), Keys(other));
        Assert.Empty(a.Except(b));
        Assert.Empty(b.Except(a));
    }

    [Fact]
    public void Ui_LiteralKeys_AllExist()
    {
        var keys = Keys("src/FleetPool.Web/Localization/SharedResource.resx");
        var used = Directory.EnumerateFiles(Path.Combine(Root, "src/FleetPool.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .ToList();
        Assert.NotEmpty(used);
        Assert.DoesNotContain(used, u => !keys.Contains(u.Key));
    }

    [Fact]
    public void Core_LiteralKeys_AllExist()
    {
        var keys = Keys("src/FleetPool.Core/Common/CoreText.resx");
        var used = Directory.EnumerateFiles(Path.Combine(Root, "src/FleetPool.Core"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(f => CoreKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToList();
        Assert.NotEmpty(used);
        Assert.DoesNotContain(used, k => !keys.Contains(k));
    }

    [GeneratedRegex("""L\["([A-Za-z]+\.[A-Za-z.]+)"[\],]""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex("""Text\.Get\("([A-Za-z.]+)"[,)]""")]
    private static partial Regex CoreKey();
}

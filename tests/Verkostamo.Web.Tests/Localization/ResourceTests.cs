using System.Text.RegularExpressions;
using Verkostamo.Core.Common;
using Verkostamo.Core.Networks;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Localization;

/// <summary>
/// Finnish, Swedish and English stay complete: the three resource files hold the same keys with real
/// texts, and every key the code asks for exists (a missing key would show the key itself to the user).
/// </summary>
public partial class ResourceTests
{
    public static TheoryData<string> Translations() => ["sv", "en"];

    [Theory]
    [MemberData(nameof(Translations))]
    public void A_translation_has_exactly_the_keys_of_the_finnish_file(string culture)
    {
        var finnish = Texts.Read("fi").Keys.ToHashSet(StringComparer.Ordinal);
        var translated = Texts.Read(culture).Keys.ToHashSet(StringComparer.Ordinal);

        var missing = finnish.Except(translated).Order(StringComparer.Ordinal).ToList();
        var extra = translated.Except(finnish).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"SharedResource.{culture}.resx is missing [{string.Join(", ", missing)}] and has extra [{string.Join(", ", extra)}].");
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("en")]
    public void Every_text_is_filled_in(string culture)
    {
        var empty = Texts.Read(culture).Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key).ToList();
        Assert.True(empty.Count == 0, $"Empty texts in {culture}: {string.Join(", ", empty)}");
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void A_translation_keeps_the_placeholders_of_the_finnish_text(string culture)
    {
        // string.Format throws at run time when a translation asks for an argument the code does not pass.
        var finnish = Texts.Read("fi");
        var mismatched = Texts.Read(culture)
            .Where(t => finnish.TryGetValue(t.Key, out var fi) && !Placeholders(fi).SetEquals(Placeholders(t.Value)))
            .Select(t => t.Key).ToList();
        Assert.True(mismatched.Count == 0, $"Placeholders differ from Finnish in {culture}: {string.Join(", ", mismatched)}");
    }

    [Fact]
    public void Every_literal_key_the_code_uses_exists()
    {
        var keys = Texts.Read("fi").Keys.ToHashSet(StringComparer.Ordinal);
        var source = Path.Combine(Texts.RepositoryRoot, "src", "Verkostamo");
        var files = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);

        var used = new List<(string Key, string File)>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            used.AddRange(LiteralKeyRegex().Matches(text).Select(m => (m.Groups["key"].Value, Path.GetRelativePath(Texts.RepositoryRoot, file))));
            // Keys held in a table and passed on as L[key] (the account menu, for one).
            used.AddRange(KeyInTupleRegex().Matches(text).Select(m => (m.Groups["key"].Value, Path.GetRelativePath(Texts.RepositoryRoot, file))));
        }
        Assert.True(used.Count > 100, $"Only {used.Count} key uses found: the pattern no longer matches the code.");

        var missing = used.Where(u => !keys.Contains(u.Key)).Select(u => $"{u.Key} ({u.File})").Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Keys used in code but missing from SharedResource.resx:\n  " + string.Join("\n  ", missing));
    }

    [Fact]
    public void Every_key_the_code_builds_from_a_code_exists()
    {
        // L["Error." + code], L["Role." + role] and L["InvitationState." + state] are built at run time from these.
        var keys = Texts.Read("fi").Keys.ToHashSet(StringComparer.Ordinal);
        var built = typeof(ErrorCodes).GetFields().Select(f => "Error." + f.GetRawConstantValue())
            .Concat(Enum.GetNames<NetworkRole>().Select(r => "Role." + r))
            .Concat(Enum.GetNames<InvitationState>().Select(s => "InvitationState." + s))
            .Concat(IdentityCodes().Select(c => "Identity." + c));

        var missing = built.Where(k => !keys.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Keys built at run time but missing: " + string.Join(", ", missing));
    }

    /// <summary>The Identity error codes the app localizes: those the describer names and those the password rules return.</summary>
    private static List<string> IdentityCodes()
    {
        var describer = File.ReadAllText(Path.Combine(Texts.RepositoryRoot, "src/Verkostamo/Infrastructure/LocalizedIdentityErrorDescriber.cs"));
        var rules = File.ReadAllText(Path.Combine(Texts.RepositoryRoot, "src/Verkostamo.Core/Accounts/PasswordRules.cs"));
        var codes = FromCodeRegex().Matches(describer).Select(m => m.Groups["code"].Value)
            .Concat(ReturnedCodeRegex().Matches(rules).Select(m => m.Groups["code"].Value))
            .Distinct().ToList();
        Assert.True(codes.Count >= 5, "The Identity error codes could not be found in the source.");
        return codes;
    }

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderRegex().Matches(text).Select(m => m.Groups[1].Value)];

    // L["Key"] or L["Key", args] with a complete literal key; concatenations such as L["Error." + code] are covered above.
    [GeneratedRegex("""\b[Ll]\[\s*"(?<key>[^"\\]+)"\s*[,\]]""")]
    private static partial Regex LiteralKeyRegex();

    [GeneratedRegex("""\(\s*"/[^"]*"\s*,\s*"(?<key>[A-Z][A-Za-z0-9]*\.[A-Za-z0-9.]+)"\s*\)""")]
    private static partial Regex KeyInTupleRegex();

    [GeneratedRegex("""FromCode\(nameof\((?<code>\w+)\)""")]
    private static partial Regex FromCodeRegex();

    [GeneratedRegex("""return "(?<code>Password\w+)";""")]
    private static partial Regex ReturnedCodeRegex();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderRegex();
}

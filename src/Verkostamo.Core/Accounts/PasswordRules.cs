using System.Reflection;

namespace Verkostamo.Core.Accounts;

/// <summary>
/// OWASP ASVS v4 2.1: at least 12 characters, at most 128, no composition rules, and a check against
/// a list of common and breached passwords plus passwords built from the user's own e-mail.
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    public static string? Check(string password, string? email)
    {
        if (password.Length < MinimumLength)
        {
            return "PasswordTooShort";
        }
        if (password.Length > MaximumLength)
        {
            return "PasswordTooLong";
        }
        var lower = password.ToLowerInvariant();
        if (Common.Value.Contains(lower) || IsTrivial(lower))
        {
            return "PasswordCommon";
        }
        if (!string.IsNullOrEmpty(email))
        {
            var local = email.Split('@')[0].ToLowerInvariant();
            if (local.Length >= 4 && lower.Contains(local, StringComparison.Ordinal))
            {
                return "PasswordContainsEmail";
            }
        }
        return null;
    }

    /// <summary>One repeated character, or a run of consecutive keyboard/alphabet/digit characters.</summary>
    private static bool IsTrivial(string lower)
    {
        if (lower.Distinct().Count() <= 2)
        {
            return true;
        }
        const string sequences = "01234567890123456789 abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz qwertyuiopasdfghjklzxcvbnmqwertyuiop qwertyuiopåasdfghjklöäzxcvbnm";
        return sequences.Contains(lower, StringComparison.Ordinal)
            || new string(lower.Reverse().ToArray()) is var reversed && sequences.Contains(reversed, StringComparison.Ordinal);
    }

    private static HashSet<string> LoadCommon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Verkostamo.Core.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
            {
                set.Add(trimmed.ToLowerInvariant());
            }
        }
        return set;
    }
}

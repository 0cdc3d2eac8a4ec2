using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;

namespace Verkostamo.Core.Common;

/// <summary>
/// Secret link tokens (invitations, survey links, calendar feeds): 192 random bits, URL-safe; only their
/// SHA-256 is stored, so a database copy does not open any link.
/// </summary>
public static class SecretTokens
{
    public const int MaxLength = 100;

    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>False for a value that cannot be a token of ours, so it is refused before any lookup.</summary>
    public static bool IsPlausible(string? token) => !string.IsNullOrWhiteSpace(token) && token.Length <= MaxLength;
}

/// <summary>E-mail addresses as typed into forms.</summary>
public static class EmailAddresses
{
    /// <summary>A bare address within the length limit: "Name &lt;a@b.fi&gt;" is refused, as it would never match an account.</summary>
    public static bool IsValid(string email) =>
        email.Length <= TextLimits.Email && MailAddress.TryCreate(email, out var parsed)
        && string.Equals(parsed.Address, email, StringComparison.OrdinalIgnoreCase);
}

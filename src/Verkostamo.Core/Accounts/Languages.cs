namespace Verkostamo.Core.Accounts;

public static class Languages
{
    public const string Default = "fi";
    public static readonly IReadOnlyList<string> Supported = ["fi", "sv", "en"];

    public static bool IsSupported(string? code) => code is not null && Supported.Contains(code);
}

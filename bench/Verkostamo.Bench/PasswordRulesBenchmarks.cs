using BenchmarkDotNet.Attributes;
using Verkostamo.Core.Accounts;

namespace Verkostamo.Bench;

/// <summary>
/// <see cref="PasswordRules.Check"/> runs on every registration, password change and admin reset.
/// One case per way out of the method that does real work: found in the common-password list, caught
/// as a keyboard run, built from the e-mail, and accepted (which walks every check). A password refused
/// by length returns after one comparison and is too quick to measure.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class PasswordRulesBenchmarks
{
    private const string Email = "maija.virtanen@example.fi";

    [GlobalSetup]
    public void LoadList()
    {
        // The list is loaded once per process on first use; load it here so no case pays for it.
        _ = PasswordRules.Check("lumi sataa hiljaa joensuussa", Email);
    }

    [Benchmark(Baseline = true, Description = "accepted passphrase")]
    public string? Accepted() => PasswordRules.Check("lumi sataa hiljaa joensuussa", Email);

    [Benchmark(Description = "in the common list (other case)")]
    public string? Common() => PasswordRules.Check("Välkommen2024", Email);

    [Benchmark(Description = "keyboard run")]
    public string? KeyboardRun() => PasswordRules.Check("qwertyuiopasdf", Email);

    [Benchmark(Description = "contains the e-mail")]
    public string? ContainsEmail() => PasswordRules.Check("maija.virtanen-2026!", Email);
}

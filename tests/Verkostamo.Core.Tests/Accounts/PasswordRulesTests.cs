using Verkostamo.Core.Accounts;

namespace Verkostamo.Core.Tests.Accounts;

public class PasswordRulesTests
{
    [Theory]
    [InlineData("lyhyt", "PasswordTooShort")]
    [InlineData("salasana1234", "PasswordCommon")]
    [InlineData("Password1234", "PasswordCommon")]
    [InlineData("aaaaaaaaaaaaaa", "PasswordCommon")]
    [InlineData("1234567890123", "PasswordCommon")]
    [InlineData("kesäinen metsäpolku 2026", null)]
    public void Check_applies_length_and_common_list(string password, string? expected) =>
        Assert.Equal(expected, PasswordRules.Check(password, "someone@example.fi"));

    [Fact]
    public void Check_refuses_a_password_built_from_the_email() =>
        Assert.Equal("PasswordContainsEmail", PasswordRules.Check("mattimeikalainen-2026!", "mattimeikalainen@example.fi"));

    [Fact]
    public void Check_refuses_over_long_passwords() =>
        Assert.Equal("PasswordTooLong", PasswordRules.Check(new string('x', 60) + new string('y', 69) + "z", null));
}

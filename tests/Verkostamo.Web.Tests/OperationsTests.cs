using System.Net;
using Verkostamo.Testing;

namespace Verkostamo.Web.Tests;

public class OperationsTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    [Fact]
    public async Task Health_answers_200_when_the_database_answers()
    {
        var response = await app.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Login_page_is_Finnish_by_default()
    {
        var html = await app.CreateClient().GetStringAsync("/account/login");
        Assert.Contains("<html lang=\"fi\"", html, StringComparison.Ordinal);
        Assert.Contains("Kirjaudu sis", html, StringComparison.Ordinal);
    }
}

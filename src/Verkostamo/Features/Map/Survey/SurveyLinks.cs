namespace Verkostamo.Features.Map.Survey;

public static class SurveyLinks
{
    public static string Path(string token) => "/map-survey/" + Uri.EscapeDataString(token);

    public static string Url(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}{request.PathBase}{Path(token)}";
}

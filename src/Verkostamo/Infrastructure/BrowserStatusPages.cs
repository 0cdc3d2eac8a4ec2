using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;

namespace Verkostamo.Infrastructure;

/// <summary>
/// Error statuses a browser meets (404, 429, a refused form post …) are shown as a localised page
/// (/status/{code}); the API keeps its bare status codes and problem details.
/// </summary>
public static class BrowserStatusPages
{
    public static IApplicationBuilder UseBrowserStatusPages(this IApplicationBuilder app) =>
        app.UseWhen(context => !SignInTracking.IsApi(context.Request), browser =>
        {
            browser.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
            // The status page is read, never posted to: a refused log-in form must not be replayed on it.
            browser.Use((context, next) =>
            {
                if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
                {
                    context.Request.Method = HttpMethods.Get;
                }
                return next(context);
            });
        });

    /// <summary>
    /// A page form whose antiforgery token failed gets a bare 400, which the status pages turn into a
    /// localised explanation, instead of the framework's English text.
    /// </summary>
    public static IApplicationBuilder UseFriendlyAntiforgeryFailures(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is null
            && context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false }
            && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }
        return next(context);
    });
}

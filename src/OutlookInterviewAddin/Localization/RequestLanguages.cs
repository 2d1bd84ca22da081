using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace OutlookInterviewAddin.Localization;

/// <summary>
/// The language of the API's sentences, per request, from its Accept-Language header only (the pane
/// sends the language it shows): French for "fr", "fr-CA", "fr-FR"…, English otherwise. Only the UI
/// culture changes: numbers and dates the API writes as data (JSON, CSV, iCalendar) stay invariant.
/// </summary>
public static class RequestLanguages
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");

    public static IServiceCollection AddRequestLanguages(this IServiceCollection services) =>
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(English, English);
            options.SupportedCultures = [English];
            options.SupportedUICultures = [English, French];
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
        });

    /// <summary>Early in the pipeline, so error pages and problems written on the way out are in the same language.</summary>
    public static IApplicationBuilder UseRequestLanguages(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        // The same address answers in either language: a browser's or a proxy's copy is kept per language.
        return app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api")) context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
            return next(context);
        });
    }
}

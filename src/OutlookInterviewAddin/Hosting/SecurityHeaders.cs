namespace OutlookInterviewAddin.Hosting;

/// <summary>
/// Response headers every answer carries. No X-Frame-Options: Outlook on the web shows the pane in an
/// iframe of its own origin, so framing must stay allowed.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/auth"))
                headers.CacheControl = "no-store";
            await next(context);
        });
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Data;

namespace OutlookInterviewAddin.Caching;

public static class AnswerCacheExtensions
{
    public static IServiceCollection AddAnswerCache(this IServiceCollection services)
    {
        services.AddOptions<AnswerCacheOptions>().BindConfiguration(AnswerCacheOptions.Section);
        services.TryAddSingleton<UserDataVersions>();
        services.TryAddSingleton<DataVersionInterceptor>();
        services.AddSingleton<AnswerCache>();
        return services;
    }

    /// <summary>Marks a GET whose answer may be served from the per-user <see cref="AnswerCache"/>.</summary>
    public static RouteHandlerBuilder CachedPerUser(this RouteHandlerBuilder endpoint, CachedAnswerKind kind) =>
        endpoint.WithMetadata(new CachedAnswer(kind));

    /// <summary>
    /// After authorization: serves marked GETs from the cache (or keeps their answer), with an ETag
    /// and a 304 to a matching If-None-Match; and moves the user's data version when any other
    /// request of theirs ends, whatever it wrote and however (the context's interceptor moves it on
    /// each save as well).
    /// </summary>
    public static IApplicationBuilder UseAnswerCache(this IApplicationBuilder app)
    {
        var cache = app.ApplicationServices.GetRequiredService<AnswerCache>();
        var versions = app.ApplicationServices.GetRequiredService<UserDataVersions>();
        if (!cache.IsEnabled) return app;
        return app.Use(async (context, next) =>
        {
            var method = context.Request.Method;
            if (HttpMethods.IsGet(method))
            {
                if (context.GetEndpoint()?.Metadata.GetMetadata<CachedAnswer>() is { } cached
                    && CurrentUser.FromPrincipal(context.User) is { } user)
                {
                    await ServeAsync(context, next, cache, versions, cached.Kind, user);
                    return;
                }
                await next(context);
                return;
            }
            if (HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || CurrentUser.FromPrincipal(context.User) is not { } writer)
            {
                await next(context);
                return;
            }
            try
            {
                await next(context);
            }
            finally
            {
                versions.Moved(DataOwner.From(writer));
            }
        });
    }

    private static async Task ServeAsync(HttpContext context, RequestDelegate next, AnswerCache cache, UserDataVersions versions, CachedAnswerKind kind, CurrentUser user)
    {
        // The version is read before the data: a write that lands while the answer is made moves
        // it past this key, so the answer is kept only under a version no later request asks for.
        var key = AnswerCache.KeyFor(context.Request, user, versions.Of(DataOwner.From(user)));
        if (cache.Find(key) is { } hit)
        {
            await WriteAsync(context, hit);
            return;
        }

        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }
        if (response.StatusCode != StatusCodes.Status200OK)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
            return;
        }
        await WriteAsync(context, cache.Keep(key, kind, buffer.ToArray(), response.ContentType, context));
    }

    private static async Task WriteAsync(HttpContext context, AnswerCache.Entry entry)
    {
        var response = context.Response;
        response.Headers.ETag = entry.ETag;
        if (context.Request.Headers.IfNoneMatch.Count > 0 && Matches(context.Request.Headers.IfNoneMatch, entry.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.ContentLength = null;
            return;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = entry.ContentType;
        response.ContentLength = entry.Body.Length;
        await response.Body.WriteAsync(entry.Body, context.RequestAborted);
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        foreach (var value in ifNoneMatch)
        {
            if (value is null) continue;
            foreach (var candidate in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (candidate == "*" || candidate == etag || candidate == "W/" + etag) return true;
            }
        }
        return false;
    }
}

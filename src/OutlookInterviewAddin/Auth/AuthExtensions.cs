using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace OutlookInterviewAddin.Auth;

public static class AuthExtensions
{
    /// <summary>
    /// One JwtBearer pipeline for both modes: in local mode it trusts only this host's local issuer;
    /// in Microsoft 365 mode only Entra ID tokens for this add-in. Every API endpoint then requires
    /// the access_as_user scope (403 without it) and gets a <see cref="CurrentUser"/>.
    /// </summary>
    public static IServiceCollection AddAddinAuthentication(this IServiceCollection services)
    {
        services.AddOptions<EntraOptions>()
            .BindConfiguration(EntraOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EntraOptions>, EntraOptionsValidator>();
        services.AddOptions<LocalUserOptions>().BindConfiguration(LocalUserOptions.Section);

        services.AddSingleton<AddinMode>();
        services.AddSingleton<LocalTokenIssuer>();
        services.TryAddSingletonTimeProvider();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<EntraOptions>, AddinMode, LocalTokenIssuer>(ConfigureJwtBearer);

        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(ctx => HasScope(ctx.User, Scopes.AccessAsUser))
                .Build());

        services.AddHttpContextAccessor();
        services.AddScoped(sp =>
        {
            var principal = sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User;
            return (principal is null ? null : CurrentUser.FromPrincipal(principal))
                ?? throw new InvalidOperationException("CurrentUser is only available on endpoints that require authorization.");
        });
        return services;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
            services.AddSingleton(TimeProvider.System);
    }

    internal static bool HasScope(System.Security.Claims.ClaimsPrincipal user, string scope) =>
        user.FindAll(ClaimNames.Scope)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(scope, StringComparer.Ordinal);

    private static void ConfigureJwtBearer(JwtBearerOptions options, IOptions<EntraOptions> entraOptions, AddinMode mode, LocalTokenIssuer localIssuer)
    {
        // Raw claim names (tid, oid, scp), exactly as the token carries them.
        options.MapInboundClaims = false;
        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromMinutes(1),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            NameClaimType = ClaimNames.Name,
        };

        if (mode.IsLocal)
        {
            parameters.ValidIssuer = LocalTokenIssuer.Issuer;
            parameters.ValidAudience = LocalTokenIssuer.Audience;
            parameters.IssuerSigningKey = localIssuer.SigningKey;
        }
        else
        {
            var entra = entraOptions.Value;
            options.Authority = entra.Authority;
            // A loopback authority is a test's or a developer's own OpenID issuer; anything else must be https.
            options.RequireHttpsMetadata = !new Uri(entra.NormalizedInstance).IsLoopback;
            parameters.ValidAudiences = entra.Audiences.ToArray();
            parameters.IssuerValidator = EntraIssuerValidator.For(entra);
        }
        options.TokenValidationParameters = parameters;

        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = ctx =>
            {
                if (CurrentUser.FromPrincipal(ctx.Principal!) is null)
                    ctx.Fail("The token does not identify a user (tid and oid are required).");
                return Task.CompletedTask;
            },
        };
    }
}

internal sealed class EntraOptionsValidator : IValidateOptions<EntraOptions>
{
    public ValidateOptionsResult Validate(string? name, EntraOptions options)
    {
        var problems = options.Problems();
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Prepend(
                "Microsoft 365 mode is half configured. Fill in every AzureAd setting below (appsettings.json, user secrets or environment variables such as AzureAd__ClientId), or remove them all to run in local mode."));
    }
}

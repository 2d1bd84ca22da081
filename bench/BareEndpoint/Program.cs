using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

// The same token validation as the host in local mode (src/OutlookInterviewAddin/Auth/AuthExtensions.cs):
// RS256 with an in-memory key, issuer, audience, lifetime, raw claim names and the access_as_user scope.
const string issuer = "https://localhost/outlook-interview-addin/local-issuer";
const string audience = "api://localhost/outlook-interview-addin";
using var rsa = RSA.Create(2048);
var key = new RsaSecurityKey(rsa) { KeyId = "bench" };

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
{
    options.MapInboundClaims = false;
    options.TokenValidationParameters = new TokenValidationParameters
    {
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = TimeSpan.FromMinutes(1),
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        ValidIssuer = issuer,
        ValidAudience = audience,
        IssuerSigningKey = key,
        NameClaimType = "name",
    };
});
builder.Services.AddAuthorizationBuilder().SetDefaultPolicy(new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
    .RequireAuthenticatedUser()
    .RequireAssertion(ctx => ctx.User.FindAll("scp").Any(c => c.Value.Split(' ').Contains("access_as_user")))
    .Build());

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

// A token for the benchmark, shaped like the host's local tokens.
app.MapPost("/token", () =>
{
    var now = DateTime.UtcNow;
    var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = issuer,
        Audience = audience,
        IssuedAt = now,
        NotBefore = now,
        Expires = now.AddHours(1),
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        Subject = new ClaimsIdentity(
        [
            new Claim("tid", Guid.NewGuid().ToString()),
            new Claim("oid", Guid.NewGuid().ToString()),
            new Claim("name", "Bench"),
            new Claim("scp", "access_as_user"),
        ]),
    });
    return Results.Text(token);
});

app.MapGet("/hello", (ClaimsPrincipal user) => Results.Json(new { hello = user.FindFirst("oid")?.Value })).RequireAuthorization();

app.Run();

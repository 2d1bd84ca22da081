using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Data;

namespace OutlookInterviewAddin.Tests.Infrastructure;

/// <summary>
/// The host in-process, in local mode unless settings say otherwise, with its own data folder.
/// Hands out clients that carry real tokens signed by the host's own local issuer, validated by the
/// real JwtBearer pipeline.
/// </summary>
public class AddinFactory : WebApplicationFactory<Program>
{
    /// <summary>Configuration for this host, applied over appsettings.json (for example AzureAd:* for Microsoft 365 mode).</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The host's data folder; a fresh temporary one unless a test shares one between hosts.</summary>
    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "oia-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Replaces services after the host registered its own (a transport handler, a clock).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>Whether disposing deletes the data folder (and the PostgreSQL database); a test that restarts a host keeps it for the next.</summary>
    public bool DeleteDataOnDispose { get; init; } = true;

    /// <summary>The PostgreSQL database of this host when the suite runs on PostgreSQL; one per data folder unless a test shares it between hosts.</summary>
    public string DatabaseName
    {
        get => databaseName ??= TestStorage.DatabaseNameFor(DataDirectory);
        init => databaseName = value;
    }

    private string? databaseName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        if (TestStorage.IsPostgreSql)
        {
            builder.UseSetting("ConnectionStrings:PostgreSQL", TestStorage.ConnectionStringFor(DatabaseName));
            var (path, password) = TestStorage.SharedKeyCertificate;
            builder.UseSetting("DataProtection:CertificatePath", path);
            builder.UseSetting("DataProtection:CertificatePassword", password);
        }
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (TestServices is not null) builder.ConfigureTestServices(TestServices);
    }

    /// <summary>Waits until the host has migrated its database (it does so after it starts listening).</summary>
    public Task DataReadyAsync() => Services.GetRequiredService<AppDataReadiness>().WaitAsync();

    /// <summary>A client authenticated as <paramref name="user"/> with a token from the local issuer.</summary>
    public HttpClient CreateClientFor(TestUser user)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", LocalTokenFor(user));
        return client;
    }

    public string LocalTokenFor(TestUser user, string? scope = "access_as_user", DateTimeOffset? notBefore = null, DateTimeOffset? expires = null, string? audience = null, string? issuer = null) =>
        TestTokens.Create(
            Services.GetRequiredService<LocalTokenIssuer>().SigningKey,
            issuer ?? LocalTokenIssuer.Issuer,
            audience ?? LocalTokenIssuer.Audience,
            user, scope, notBefore, expires);

    public HttpClient CreateClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && DeleteDataOnDispose)
        {
            if (TestStorage.IsPostgreSql) TestStorage.Drop(DatabaseName);
            try { Directory.Delete(DataDirectory, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}

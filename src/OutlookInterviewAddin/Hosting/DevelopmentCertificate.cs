using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OutlookInterviewAddin.Hosting;

/// <summary>
/// Office requires add-ins to be served over HTTPS, even from localhost. Kestrel uses the ASP.NET
/// Core development certificate when one exists (`dotnet dev-certs https --trust` makes and trusts
/// it). On a fresh machine without it, the host makes its own self-signed localhost certificate in
/// the data folder so the run command still works; the browser then warns until one is trusted.
/// </summary>
public static class DevelopmentCertificate
{
    // The OID the dotnet dev-certs tool stamps on the certificate it makes.
    private const string AspNetHttpsOid = "1.3.6.1.4.1.311.84.1.1";

    /// <summary>The address the host listens on when nothing else is asked for.</summary>
    public const string DefaultUrl = "https://localhost:3000";

    // Where ASP.NET Core reads listening addresses from: urls (ASPNETCORE_URLS, URLS, --urls, a Urls
    // setting), http_ports and https_ports (ASPNETCORE_HTTP_PORTS, ...), and Kestrel:Endpoints.
    private static readonly string[] AddressSettings = [WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey];

    public static IWebHostBuilder UseLocalHttpsFallback(this IWebHostBuilder webHost, IConfiguration configuration)
    {
        // A default in appsettings.json would win over ASPNETCORE_URLS, so it is applied only when no address is given at all.
        if (AddressSettings.All(key => string.IsNullOrWhiteSpace(configuration[key])) && !configuration.GetSection("Kestrel:Endpoints").Exists())
            webHost.UseUrls(DefaultUrl);

        var served = new ServedCertificate();
        webHost.ConfigureServices(services => services.AddSingleton(served));
        return webHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
        {
            var configuredCertificate = configuration.GetSection("Kestrel:Certificates:Default").Exists();
            if (https.ServerCertificate is null && https.ServerCertificateSelector is null && !configuredCertificate)
            {
                // Chosen here rather than left to Kestrel, so the host knows which certificate its own
                // local mailbox presents when the Graph client calls it (see ServedCertificate).
                var logger = kestrel.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DevelopmentCertificate));
                https.ServerCertificate = FindAspNetDevCertificate()
                    ?? LoadOrCreate(Path.Combine(DataFolderOptions.Resolve(configuration), "localhost-https.pfx"), logger);
            }
            served.Thumbprint = https.ServerCertificate?.GetCertHashString(HashAlgorithmName.SHA256);
        }));
    }

    public static bool AspNetDevCertificateExists()
    {
        using var certificate = FindAspNetDevCertificate();
        return certificate is not null;
    }

    private static X509Certificate2? FindAspNetDevCertificate()
    {
        try
        {
            using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadOnly);
            var now = DateTime.Now;
            return store.Certificates
                .Where(c => c.Extensions.Any(e => e.Oid?.Value == AspNetHttpsOid) && c.NotBefore <= now && now < c.NotAfter && c.HasPrivateKey)
                .OrderByDescending(c => c.NotAfter)
                .FirstOrDefault();
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public static X509Certificate2 LoadOrCreate(string path, ILogger logger)
    {
        if (File.Exists(path))
        {
            var existing = X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
            if (existing.NotAfter > DateTime.Now.AddDays(7)) return existing;
            existing.Dispose();
        }

        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddIpAddress(System.Net.IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.Now.AddDays(-1), DateTimeOffset.Now.AddYears(1));

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, created.Export(X509ContentType.Pfx));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        logger.LogInformation(
            "No ASP.NET Core development certificate was found, so the host made a self-signed localhost certificate at {Path} (SHA-256 thumbprint {Thumbprint}). Browsers warn until it is trusted; `dotnet dev-certs https --trust` makes one they trust.",
            path, created.GetCertHashString(HashAlgorithmName.SHA256));
        return X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
    }
}

/// <summary>
/// The certificate this host serves HTTPS with, when the host chose it. In local mode the Graph
/// client calls the host's own local mailbox over HTTPS and trusts exactly this certificate
/// (pinned by its SHA-256 thumbprint) instead of turning certificate validation off.
/// </summary>
public sealed class ServedCertificate
{
    public string? Thumbprint { get; set; }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace OutlookInterviewAddin.Data;

/// <summary>
/// ASP.NET Core Data Protection (what the host encrypts for later, such as a token cache) keeps its
/// keys in the database, beside the data they protect, and encrypts them there with a certificate:
/// <c>DataProtection:CertificatePath</c> (and <c>DataProtection:CertificatePassword</c>) when set,
/// otherwise, for a single host on SQLite, one the host makes in its data folder. Hosts sharing a
/// PostgreSQL database share the keys, so they must share that certificate: it is then required.
/// </summary>
public static class DataProtectionSetup
{
    public const string Section = "DataProtection";
    public const string ApplicationName = "OutlookInterviewAddin";
    public const string OwnCertificateFileName = "data-protection.pfx";

    public static IServiceCollection AddDataProtectionWithTheData(this IServiceCollection services, IConfiguration configuration, StorageOptions storage)
    {
        // Read (or made, once) now, so a wrong path stops the start.
        var certificate = ConfiguredCertificate(configuration, storage)
            ?? LoadOrCreateOwn(Path.Combine(storage.DataDirectory, OwnCertificateFileName));

        services.AddDataProtection()
            // Every host of a deployment must name the same application, whatever folder it runs from.
            .SetApplicationName(ApplicationName)
            .ProtectKeysWithCertificate(certificate);
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider, AppDataReadiness, ILoggerFactory>((options, provider, readiness, logging) =>
            options.XmlRepository = new AfterMigration(new EntityFrameworkCoreXmlRepository<AppDbContext>(provider, logging), readiness));
        // Data Protection preloads its key ring at start; here that would hold the start until the
        // migration ends. Without the preload the keys load when first used, once the data is ready.
        foreach (var preload in services.Where(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList())
            services.Remove(preload);
        return services;
    }

    private static X509Certificate2? ConfiguredCertificate(IConfiguration configuration, StorageOptions storage)
    {
        if (configuration[$"{Section}:CertificatePath"] is { Length: > 0 } path)
        {
            try
            {
                var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[$"{Section}:CertificatePassword"]);
                if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
                    throw new InvalidOperationException($"{Section}:CertificatePath ({path}) must be an RSA certificate with its private key.");
                return certificate;
            }
            catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"{Section}:CertificatePath ({path}) could not be read: {e.Message}", e);
            }
        }
        if (storage.IsPostgreSql)
            throw new InvalidOperationException(
                $"With ConnectionStrings:PostgreSQL every host shares the Data Protection keys in the database, so they must all encrypt them with one certificate: set {Section}:CertificatePath (a .pfx with an RSA key) and {Section}:CertificatePassword. See docs/deployment.md.");
        return null;
    }

    /// <summary>A long-lived RSA certificate only this host's user can read; losing it loses what the keys protect.</summary>
    internal static X509Certificate2 LoadOrCreateOwn(string path)
    {
        if (File.Exists(path)) return X509CertificateLoader.LoadPkcs12FromFile(path, password: null);

        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=OutlookInterviewAddin Data Protection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(100));

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temporary, created.Export(X509ContentType.Pfx));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        // Two hosts on one data folder starting together: the first file in place wins, both use it.
        try { File.Move(temporary, path, overwrite: false); }
        catch (IOException) when (File.Exists(path)) { File.Delete(temporary); }
        return X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
    }

    /// <summary>The keys' table exists only once the start-up migration ran: reading or writing them waits for it.</summary>
    private sealed class AfterMigration(IXmlRepository keys, AppDataReadiness readiness) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            readiness.WaitAsync().GetAwaiter().GetResult();
            return keys.GetAllElements();
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            readiness.WaitAsync().GetAwaiter().GetResult();
            keys.StoreElement(element, friendlyName);
        }
    }
}

using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Data;

/// <summary>Data Protection keys live in the database with the data, encrypted, not in the home folder in the clear.</summary>
public sealed class DataProtectionTests
{
    [Fact]
    public async Task Keys_are_kept_encrypted_in_the_database_and_outlive_the_host()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "oia-tests", Guid.NewGuid().ToString("N"));
        string protectedText;
        await using (var first = new AddinFactory { DataDirectory = dataDirectory, DeleteDataOnDispose = false })
        {
            await first.DataReadyAsync();
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("restart").Protect("kept");

            await using var scope = first.Services.CreateAsyncScope();
            var key = Assert.Single(await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.ToListAsync());
            Assert.Contains("encryptedSecret", key.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", key.Xml, StringComparison.Ordinal);
        }
        if (!TestStorage.IsPostgreSql)
        {
            // A single host on SQLite encrypts them with a certificate of its own, readable by its user only.
            var certificate = Path.Combine(dataDirectory, DataProtectionSetup.OwnCertificateFileName);
            Assert.True(File.Exists(certificate));
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(certificate));
        }

        await using var second = new AddinFactory { DataDirectory = dataDirectory };
        await second.DataReadyAsync();
        Assert.Equal("kept", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("restart").Unprotect(protectedText));
    }

    [Fact]
    public async Task PostgreSQL_without_a_shared_key_certificate_refuses_to_start_and_says_what_to_set()
    {
        await using var factory = new AddinFactory
        {
            Settings =
            {
                ["ConnectionStrings:PostgreSQL"] = "Host=127.0.0.1;Database=never_opened",
                ["DataProtection:CertificatePath"] = "",
            },
        };

        var error = Assert.ThrowsAny<InvalidOperationException>(() => factory.Services);
        Assert.Contains("DataProtection:CertificatePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_key_certificate_is_named_in_the_error()
    {
        await using var factory = new AddinFactory { Settings = { ["DataProtection:CertificatePath"] = "/nonexistent/keys.pfx" } };

        var error = Assert.ThrowsAny<InvalidOperationException>(() => factory.Services);
        Assert.Contains("/nonexistent/keys.pfx", error.Message, StringComparison.Ordinal);
    }
}

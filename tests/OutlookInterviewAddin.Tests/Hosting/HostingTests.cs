using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using OutlookInterviewAddin.Hosting;

namespace OutlookInterviewAddin.Tests.Hosting;

public sealed class HostingTests
{
    [Theory]
    [InlineData("https://localhost:3000", true)]
    [InlineData("https://127.0.0.1:3000", true)]
    [InlineData("http://[::1]:5000", true)]
    [InlineData("https://0.0.0.0:3000", false)]
    [InlineData("http://[::]:80", false)]
    [InlineData("https://*:3000", false)]
    [InlineData("https://+:3000", false)]
    [InlineData("https://addin.contoso.example", false)]
    [InlineData("https://192.168.1.20:3000", false)]
    public void Local_mode_accepts_only_loopback_bindings(string address, bool loopback) =>
        Assert.Equal(loopback, StartupReport.IsLoopbackAddress(address));

    [Fact]
    public void The_fallback_certificate_is_made_once_for_localhost_and_reused()
    {
        var folder = Path.Combine(Path.GetTempPath(), "oia-tests", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "localhost-https.pfx");
        try
        {
            var log = new RecordingLogger();
            using var first = DevelopmentCertificate.LoadOrCreate(path, log);
            using var second = DevelopmentCertificate.LoadOrCreate(path, log);

            var created = Assert.Single(log.Messages);
            Assert.Contains(path, created, StringComparison.Ordinal);
            Assert.Contains(first.GetCertHashString(HashAlgorithmName.SHA256), created, StringComparison.Ordinal);
            Assert.True(first.HasPrivateKey);
            Assert.Equal(first.Thumbprint, second.Thumbprint);
            Assert.Equal("localhost", first.GetNameInfo(X509NameType.DnsName, forIssuer: false));
            Assert.True(first.NotAfter > DateTime.Now.AddMonths(6));
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Npgsql;

namespace OutlookInterviewAddin.Tests.Infrastructure;

/// <summary>
/// Which database the suite runs on. test.sh starts a PostgreSQL server on loopback and names it in
/// OIA_TEST_POSTGRESQL, then runs the suite twice: on SQLite, and with OIA_TEST_STORAGE=PostgreSQL
/// on PostgreSQL, where every host gets a database of its own.
/// </summary>
public static class TestStorage
{
    public static bool IsPostgreSql =>
        string.Equals(Environment.GetEnvironmentVariable("OIA_TEST_STORAGE"), "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    /// <summary>The PostgreSQL server test.sh started; a test that needs one fails (never skips) without it.</summary>
    public static string PostgreSqlServer =>
        Environment.GetEnvironmentVariable("OIA_TEST_POSTGRESQL") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException("This test needs PostgreSQL: run ./test.sh, which starts one on loopback and sets OIA_TEST_POSTGRESQL.");

    /// <summary>A database name for a data folder, so hosts that share a folder share the database too.</summary>
    public static string DatabaseNameFor(string dataDirectory) =>
        "oia_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataDirectory)))[..20];

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(PostgreSqlServer) { Database = database }.ToString();

    /// <summary>Drops the database, closing whatever connections a stopped host left in its pool.</summary>
    public static void Drop(string database)
    {
        using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }

    private static readonly Lazy<string> KeyCertificate = new(() =>
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=OutlookInterviewAddin test Data Protection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(Path.GetTempPath(), "oia-tests", $"data-protection-{Environment.ProcessId}.pfx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "test-password"));
        return path;
    });

    /// <summary>The certificate every host of one test run encrypts its Data Protection keys with, as a deployment's hosts share one.</summary>
    public static (string Path, string Password) SharedKeyCertificate => (KeyCertificate.Value, "test-password");
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using OutlookInterviewAddin.Data;

namespace OutlookInterviewAddin.FollowThrough;

/// <summary>
/// Quartz does not create its tables unless told to. Its official DDL for the version the host uses
/// (QuartzTables/create_*.sql, the scripts Quartz 4.7.3 carries for its own provisioning: every
/// statement creates only what is missing and nothing drops) is applied at every start, after the
/// app's migrations and before the scheduler starts, so its schema check finds the tables. Hosts
/// starting together over PostgreSQL take turns under an advisory lock.
/// </summary>
public static class QuartzSchema
{
    public const string TablePrefix = "QRTZ_";

    // Any fixed number: the lock only orders the hosts applying the script.
    private const long AdvisoryLock = 0x51_52_54_5A;

    public static async Task ApplyAsync(AppDbContext db, CancellationToken ct)
    {
        var postgres = !db.Database.IsSqlite();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            if (postgres) await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLock})", ct);
            foreach (var statement in Statements(Script(postgres ? "create_postgres" : "create_sqlite")))
                await ExecuteAsync(connection, transaction, statement, ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Script(string name)
    {
        using var stream = typeof(QuartzSchema).Assembly.GetManifestResourceStream($"OutlookInterviewAddin.FollowThrough.{name}.sql")
            ?? throw new InvalidOperationException($"The Quartz script {name}.sql is not embedded in the host.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The script's statements: separated by a line reading '--;;', with the table prefix put in for {0} and {1}.</summary>
    internal static IEnumerable<string> Statements(string script)
    {
        var current = new System.Text.StringBuilder();
        foreach (var line in script.Split('\n').Append("--;;"))
        {
            if (line.TrimEnd('\r') == "--;;")
            {
                var sql = string.Join('\n', current.ToString().Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim();
                current.Clear();
                if (sql.Length > 0) yield return sql.Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal);
                continue;
            }
            current.Append(line).Append('\n');
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}

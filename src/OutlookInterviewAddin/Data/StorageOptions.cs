using OutlookInterviewAddin.Hosting;

namespace OutlookInterviewAddin.Data;

/// <summary>
/// Which database the host uses. By default a SQLite file in the data folder, for one host; with
/// <c>ConnectionStrings:PostgreSQL</c> set, that PostgreSQL database, which any number of hosts
/// can share (see docs/deployment.md).
/// </summary>
public sealed record StorageOptions(StorageProvider Provider, string ConnectionString, string DataDirectory)
{
    public const string PostgreSqlConnectionStringName = "PostgreSQL";

    public bool IsPostgreSql => Provider == StorageProvider.PostgreSql;

    /// <summary>The context type that carries this provider's migrations.</summary>
    public Type ContextType => IsPostgreSql ? typeof(PostgreSqlDbContext) : typeof(AppDbContext);

    public static StorageOptions From(IConfiguration configuration)
    {
        var dataDirectory = DataFolderOptions.Resolve(configuration);
        return configuration.GetConnectionString(PostgreSqlConnectionStringName) is { Length: > 0 } postgres
            ? new StorageOptions(StorageProvider.PostgreSql, postgres, dataDirectory)
            : new StorageOptions(StorageProvider.Sqlite, DataExtensions.SqliteConnectionString(dataDirectory), dataDirectory);
    }

    /// <summary>Where the data is, for the start-up log: the file, or the PostgreSQL server and database (never the password).</summary>
    public string Describe()
    {
        if (!IsPostgreSql) return $"SQLite file {Path.Combine(DataDirectory, DataExtensions.DatabaseFileName)}";
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
            return $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}";
        }
        catch (ArgumentException e)
        {
            return $"PostgreSQL database of a connection string that cannot be read ({e.Message})";
        }
    }
}

public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}

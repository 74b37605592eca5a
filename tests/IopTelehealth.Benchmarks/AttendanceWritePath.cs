#:project ../../src/IopTelehealth.Persistence/IopTelehealth.Persistence.csproj
#:property PublishAot=false
// (EF Core builds its model at run time, which the file-based default of NativeAOT does not allow.)

// Cost of the attendance write path: one join (Opened) and one leave (Closed) recorded through the EF ledger, as the room
// sink does it, per write: microseconds (p50/p99) and database round trips (commands + transaction begin/commit).
// Run from the repository root:  dotnet run -c Release tests/IopTelehealth.Benchmarks/AttendanceWritePath.cs  [writes, default 2000]
// SQLite always (a temp file in WAL mode, as the server runs it); PostgreSQL too when IOP_TEST_POSTGRES is set (infra/postgres-dev.sh).
// Not a test: numbers depend on the machine; docs/benchmarks.md records what we measured.
using System.Diagnostics;
using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Attendance.Ports;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

var writes = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2000;
using var counter = new RoundTrips();
Console.WriteLine($"{Environment.ProcessorCount} cores, {writes} writes per scenario (half joins, half leaves; 12 patients per session)");

var sqliteDir = Directory.CreateTempSubdirectory("iop-bench-").FullName;
await RunAsync("SQLite (file, WAL)", new DatabaseSettings { Provider = DatabaseProvider.Sqlite }, sqliteDir);
if (Environment.GetEnvironmentVariable("IOP_TEST_POSTGRES") is { Length: > 0 } admin)
{
    var name = $"iop_bench_{Guid.NewGuid():N}";
    await ExecAsync(admin, $"CREATE DATABASE \"{name}\"");
    try
    {
        var connection = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        await RunAsync("PostgreSQL (loopback)", new DatabaseSettings { Provider = DatabaseProvider.PostgreSql, ConnectionString = connection }, sqliteDir);
    }
    finally
    {
        NpgsqlConnection.ClearAllPools();
        await ExecAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }
}

Directory.Delete(sqliteDir, recursive: true);

async Task RunAsync(string label, DatabaseSettings settings, string dataDirectory)
{
    await using var services = new ServiceCollection().AddIopPersistence(settings, dataDirectory).BuildServiceProvider();
    await services.MigrateIopDatabaseAsync();
    var ledger = services.GetRequiredService<IAttendanceLog>();
    var start = DateTimeOffset.UtcNow;

    // Warm-up: JIT, pools, query caches.
    await WriteAsync(ledger, 200, start, "warm");
    counter.Reset();
    var (micros, trips) = await WriteAsync(ledger, writes, start, "run");
    micros.Sort();
    Console.WriteLine($"{label}: p50 {micros[micros.Count / 2]:F0} µs, p99 {micros[(int)(micros.Count * 0.99)]:F0} µs, " +
        $"mean {micros.Average():F0} µs; round trips per write {trips:F2} (commands {counter.Commands / (double)writes:F2}, " +
        $"transactions {counter.Transactions / (double)writes:F2})");
}

async Task<(List<double> Micros, double Trips)> WriteAsync(IAttendanceLog ledger, int count, DateTimeOffset start, string tag)
{
    var micros = new List<double>(count);
    var patients = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToArray();
    var session = new SessionId(Guid.NewGuid());
    for (var i = 0; i < count; i++)
    {
        if (i % 240 == 0)
        {
            session = new SessionId(Guid.NewGuid()); // a fresh session every 10 join/leave rounds of the 12 patients
        }

        var patient = patients[(i / 2) % patients.Length];
        var at = start.AddSeconds(i);
        var e = i % 2 == 0
            ? AttendanceEvent.Opened($"{tag}:{i}", session, patient, AttendanceMode.Video, at, i)
            : AttendanceEvent.Closed($"{tag}:{i}", session, patient, AttendanceChannel.Remote, AttendanceEndReason.Left, at, i);
        var clock = Stopwatch.StartNew();
        await ledger.RecordAsync([e]);
        micros.Add(clock.Elapsed.TotalMicroseconds);
    }

    return (micros, (counter.Commands + counter.Transactions) / (double)count);
}

static async Task ExecAsync(string admin, string sql)
{
    await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Database = "postgres" }.ConnectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

/// <summary>Counts EF's executed commands and transaction begins/commits (each one a round trip to the database).</summary>
sealed class RoundTrips : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private long _commands;
    private long _transactions;

    public RoundTrips() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

    public long Commands => Interlocked.Read(ref _commands);

    public long Transactions => Interlocked.Read(ref _transactions);

    public void Reset() => (_commands, _transactions) = (0, 0);

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            _listeners.Add(value.Subscribe(this));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted")
        {
            Interlocked.Increment(ref _commands);
        }
        else if (value.Key is "Microsoft.EntityFrameworkCore.Database.Transaction.TransactionStarted"
            or "Microsoft.EntityFrameworkCore.Database.Transaction.TransactionCommitted")
        {
            Interlocked.Increment(ref _transactions);
        }
    }

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    public void Dispose()
    {
        _subscription.Dispose();
        _listeners.ForEach(l => l.Dispose());
    }
}

#:project ../../src/IopTelehealth.Redis/IopTelehealth.Redis.csproj

// How many room changes per second one node sustains against Redis, for a 14-participant room.
// Run from the repository root:  dotnet run tests/IopTelehealth.Benchmarks/RedisRoomStoreThroughput.cs  [seconds per scenario, default 10]
// Uses IOP_TEST_REDIS (host:port) when set, otherwise starts a private redis-server on a free loopback port.
// Not a test: numbers depend on the machine; docs/benchmarks.md records what we measured.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Redis;
using StackExchange.Redis;

var seconds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10;
var (endpoint, server) = await RedisForBench.StartAsync();
try
{
    await using var nodeA = await ConnectionMultiplexer.ConnectAsync(endpoint);
    await using var nodeB = await ConnectionMultiplexer.ConnectAsync(endpoint);
    var options = new RedisRoomsOptions { KeyPrefix = $"bench:{Guid.NewGuid():N}:" };
    var storeA = new RedisRoomStore(nodeA, options, TimeProvider.System);
    var storeB = new RedisRoomStore(nodeB, options, TimeProvider.System);
    Console.WriteLine($"redis {endpoint}, {Environment.ProcessorCount} cores, {seconds} s per scenario, room of 14 (1 therapist + 13 patients)");

    var room = await BenchRoom.CreateAsync(storeA);
    await Scenario.RunAsync("warm-up (JIT, script cache)", TimeSpan.FromSeconds(2), 1, i => BenchRoom.ToggleAsync(storeA, room, i));
    await Scenario.RunAsync("1 node, 1 caller, 1 room", TimeSpan.FromSeconds(seconds), 1, i => BenchRoom.ToggleAsync(storeA, room, i));
    await Scenario.RunAsync("1 node, 14 callers, 1 room", TimeSpan.FromSeconds(seconds), 14, i => BenchRoom.ToggleAsync(storeA, room, i));
    await Scenario.RunAsync("2 nodes, 14 callers each, 1 room", TimeSpan.FromSeconds(seconds), 28, i => BenchRoom.ToggleAsync(i % 2 == 0 ? storeA : storeB, room, i));
    var rooms = new List<BenchRoom>();
    for (var r = 0; r < 16; r++)
    {
        rooms.Add(await BenchRoom.CreateAsync(storeA));
    }

    await Scenario.RunAsync("1 node, 16 rooms x 1 caller", TimeSpan.FromSeconds(seconds), 16, i => BenchRoom.ToggleAsync(storeA, rooms[i % 16], i));
    // What staging attendance facts costs: a change that stages one (an audio-only switch) and the acknowledgment that follows
    // its ledger write, timed as one unit, beside the same single change that stages nothing (the camera toggle of the first scenario);
    // it runs last because it leaves patients in audio-only, where the camera toggle is refused.
    await Scenario.RunAsync("1 node, 1 caller, staged fact + ack", TimeSpan.FromSeconds(seconds), 1, i => BenchRoom.SwitchAndAcknowledgeAsync(storeA, room, i));
}
finally
{
    server?.Kill(entireProcessTree: true);
    server?.WaitForExit();
}

internal sealed record BenchRoom(SessionId SessionId, ParticipantId Therapist, IReadOnlyList<ParticipantId> Patients)
{
    public static async Task<BenchRoom> CreateAsync(RedisRoomStore store)
    {
        var sessionId = new SessionId(Guid.NewGuid());
        var attestation = new Attestation("Home", "IL", PrivateSpace: true, AcceptedConsentVersion: "2026-01");
        RoomState Open()
        {
            var now = DateTimeOffset.UtcNow;
            var state = Room.Create(sessionId, Guid.NewGuid(), Guid.NewGuid(), 16, now.AddMinutes(5), now.AddHours(3));
            new Room(state).OpenBySchedule();
            return state;
        }

        var therapist = (await store.ChangeAsync(sessionId, Open, r => r.Join(new JoinRequest(Guid.NewGuid(), ParticipantRole.Therapist, "Therapist", Guid.NewGuid().ToString("N"), "node-a", null), DateTimeOffset.UtcNow, Room.DefaultGraceWindow))).Result.Participant.Id;
        var patients = new List<ParticipantId>();
        for (var i = 0; i < 13; i++)
        {
            var patient = (await store.ChangeAsync(sessionId, Open, r => r.Join(new JoinRequest(Guid.NewGuid(), ParticipantRole.Patient, $"Patient {i}", Guid.NewGuid().ToString("N"), "node-a", attestation), DateTimeOffset.UtcNow, Room.DefaultGraceWindow))).Result.Participant.Id;
            await store.ChangeAsync(sessionId, Open, r => { r.Admit(therapist, patient, DateTimeOffset.UtcNow); return true; });
            patients.Add(patient);
        }

        // The ledger "recorded" the joins: the room starts without staged facts, as a served room does.
        await store.ChangeAsync(sessionId, Open, r => r.AcknowledgeAttendance([.. r.State.PendingAttendance.Select(f => f.EventId)]));

        return new BenchRoom(sessionId, therapist, patients);
    }

    /// <summary>An attendance-bearing change (audio-only on/off stages an opened fact), then the room forgets it as after the ledger write.</summary>
    public static async Task SwitchAndAcknowledgeAsync(RedisRoomStore store, BenchRoom room, long i)
    {
        var patient = room.Patients[(int)(i % room.Patients.Count)];
        var change = await store.ChangeAsync(room.SessionId, () => throw new InvalidOperationException("room vanished"), r =>
        {
            r.SetAudioOnly(patient, !r.State.Find(patient)!.AudioOnly, DateTimeOffset.UtcNow);
            return true;
        });
        var staged = change.State.PendingAttendance.Select(f => f.EventId).ToHashSet();
        await store.ChangeAsync(room.SessionId, () => throw new InvalidOperationException("room vanished"), r => r.AcknowledgeAttendance(staged));
    }

    /// <summary>A change that always writes: the caller's patient toggles their camera (a typical, frequent room change).</summary>
    public static Task ToggleAsync(RedisRoomStore store, BenchRoom room, long i)
    {
        var patient = room.Patients[(int)(i % room.Patients.Count)];
        return store.ChangeAsync(room.SessionId, () => throw new InvalidOperationException("room vanished"), r =>
        {
            var p = r.State.Find(patient)!;
            r.SetMedia(patient, audio: p.AudioOn, video: !p.VideoOn);
            return true;
        });
    }
}

internal static class Scenario
{
    public static async Task RunAsync(string name, TimeSpan duration, int callers, Func<int, Task> change)
    {
        var latencies = new List<double>[callers];
        var stop = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = [];
            while (stop.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await change(c);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })).ToList();
        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).Order().ToList();
        Console.WriteLine($"{name,-36} {all.Count / stop.Elapsed.TotalSeconds,8:F0} changes/s   p50 {all[all.Count / 2],6:F2} ms   p99 {all[(int)(all.Count * 0.99)],6:F2} ms   ({all.Count} changes)");
    }
}

internal static class RedisForBench
{
    public static async Task<(string Endpoint, Process? Server)> StartAsync()
    {
        var shared = Environment.GetEnvironmentVariable("IOP_TEST_REDIS");
        if (!string.IsNullOrWhiteSpace(shared))
        {
            return (shared.Trim(), null);
        }

        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var server = Process.Start(new ProcessStartInfo("redis-server", ["--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]) { RedirectStandardOutput = true })!;
        server.OutputDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return ($"127.0.0.1:{port}", server);
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }
}

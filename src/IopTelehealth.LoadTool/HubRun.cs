namespace IopTelehealth.LoadTool;

/// <summary>
/// The hub side of a run: connect every participant, therapists join and open their rooms, patients arrive at the
/// join rate and are admitted by their therapist, then the steady state is measured.
/// </summary>
internal static class HubRun
{
    public static async Task<RunResult> RunAsync(LoadOptions options, IReadOnlyList<LoadParticipant> accounts, IReadOnlyList<Guid> sessions,
        IReadOnlyDictionary<string, string> tokens, TextWriter output)
    {
        var counters = new LoadCounters();
        var name = options.MessagePack ? "hub (MessagePack)" : "hub (JSON)";
        output.WriteLine($"{name}: {accounts.Count} participants in {options.Rooms} rooms at {options.Server}");
        var participants = accounts.Select(a => new HubParticipant(a, tokens[a.Email], options, counters)).ToList();
        try
        {
            var before = Sample(options);
            await Pace.BoundedAsync(participants, options.ConnectParallelism, p => p.ConnectAsync());
            output.WriteLine($"  connected {participants.Count}");

            var beforeJoins = Sample(options);
            var therapists = participants.Where(p => accounts[p.Index].Therapist).ToList();
            await Pace.RunAsync(therapists, options.JoinRate, p => Join(p, accounts, sessions, counters));
            // Patients arrive room by room in turn (number 1 of every room, then number 2, ...), as groups fill before a start time.
            var patients = participants.Where(p => !accounts[p.Index].Therapist).OrderBy(p => p.Index % options.PerRoom).ThenBy(p => p.Index).ToList();
            await Pace.RunAsync(patients, options.JoinRate, p => Join(p, accounts, sessions, counters));
            output.WriteLine($"  joined and admitted {counters.JoinAdmitted.Count} of {participants.Count}");
            var joinCpu = Sample(options)?.Cpu - beforeJoins?.Cpu;

            // Let the join burst's garbage settle before reading memory with everyone connected.
            await Task.Delay(TimeSpan.FromSeconds(3));
            var joined = Sample(options);
            int[] measured = [.. new[] { options.ServerPid, options.RedisPid }.OfType<int>()];
            var (clientCpu, cpu) = await SteadyState.RunAsync(participants, options, counters, measured, output);
            TimeSpan? serverCpu = options.ServerPid is null ? null : cpu[0];
            TimeSpan? redisCpu = options.RedisPid is null ? null : cpu[^1];
            return new RunResult(name, participants.Count, counters, options.Duration, before, joined, serverCpu, redisCpu, clientCpu, ProcessMeter.LoadAverage())
            {
                JoinCpu = joinCpu,
            };
        }
        finally
        {
            await Pace.BoundedAsync(participants, options.ConnectParallelism, async p => await p.DisposeAsync());
        }
    }

    private static async Task Join(HubParticipant participant, IReadOnlyList<LoadParticipant> accounts, IReadOnlyList<Guid> sessions, LoadCounters counters)
    {
        try
        {
            await participant.JoinAsync(sessions[accounts[participant.Index].Room - 1]);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            counters.Error("join:" + (e is Client.RoomCallException room ? room.Code : e.GetType().Name));
        }
    }

    private static ProcessSample? Sample(LoadOptions options) => options.ServerPid is { } pid ? ProcessMeter.Read(pid) : null;
}

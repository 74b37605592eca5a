using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Server.Seeding;

namespace IopTelehealth.LoadTool;

/// <summary>One simulated participant: its room, its account, whether it leads the room.</summary>
internal sealed record LoadParticipant(int Index, int Room, string Email, bool Therapist);

/// <summary>The rooms of a run: the seeded accounts by room, and each room's session open now (read through the clinic API).</summary>
internal sealed record LoadRoster(IReadOnlyList<LoadParticipant> Participants, IReadOnlyList<Guid> Sessions)
{
    public static IReadOnlyList<LoadParticipant> Accounts(LoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var participants = new List<LoadParticipant>(options.Participants);
        for (var room = 1; room <= options.Rooms; room++)
        {
            participants.Add(new LoadParticipant(participants.Count, room, LoadTestAccounts.Therapist(room), Therapist: true));
            for (var number = 1; number < options.PerRoom; number++)
            {
                participants.Add(new LoadParticipant(participants.Count, room, LoadTestAccounts.Patient(room, number), Therapist: false));
            }
        }

        return participants;
    }

    /// <summary>
    /// Each room's session that is open now, from the groups and sessions API as the first room's therapist sees them.
    /// A missing group means the server was seeded with fewer rooms than asked for.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> OpenSessionsAsync(Uri server, string therapistToken, int rooms, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = server };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", therapistToken);
        var groups = await http.GetFromJsonAsync<List<GroupDto>>("api/groups", cancellationToken) ?? [];
        var byName = groups.ToDictionary(g => g.Name, g => g.Id, StringComparer.Ordinal);
        var now = DateTimeOffset.UtcNow;
        var from = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var sessions = new Guid[rooms];
        await Parallel.ForEachAsync(Enumerable.Range(1, rooms), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (room, ct) =>
        {
            if (!byName.TryGetValue(LoadTestAccounts.GroupName(room), out var groupId))
            {
                throw new InvalidOperationException($"No group '{LoadTestAccounts.GroupName(room)}': start the server with Demo:LoadTestRooms={rooms} or more.");
            }

            var list = await http.GetFromJsonAsync<List<SessionDto>>($"api/groups/{groupId}/sessions?from={from}&to={to}", ct) ?? [];
            var open = list.FirstOrDefault(s => s.ScheduledStart <= now.AddMinutes(15) && s.ScheduledEnd > now.AddMinutes(10) && s.Status != "cancelled")
                ?? throw new InvalidOperationException($"No session open now in '{LoadTestAccounts.GroupName(room)}': restart the server (it opens one at start).");
            sessions[room - 1] = open.Id;
        });
        return sessions;
    }
}

using IopTelehealth.Client;
using IopTelehealth.Server.Seeding;

namespace IopTelehealth.Server.Tests.Infrastructure;

/// <summary>Who is where in a room, set up through the hub as a real client would: the therapist in, patients waiting or admitted.</summary>
public static class RoomScenes
{
    /// <summary>The group's therapist joins <paramref name="sessionId"/>; the room goes live.</summary>
    public static async Task<RoomClient> TherapistInAsync(this IopServer server, Guid sessionId, bool messagePack = false)
    {
        var therapist = await server.ConnectAsAsync(DemoAccounts.Therapist, messagePack);
        await JoinOrDisposeAsync(therapist, c => c.JoinSession(sessionId, null));
        return therapist;
    }

    /// <summary>A patient joins and waits in the lobby, and the therapist sees them there.</summary>
    public static async Task<RoomClient> PatientInLobbyAsync(this IopServer server, Guid sessionId, RoomClient therapist, string email, bool messagePack = false)
    {
        var patient = await server.ConnectAsAsync(email, messagePack);
        await JoinOrDisposeAsync(patient, async c =>
        {
            var reply = await c.JoinSession(sessionId, RoomParticipants.AtHome);
            Assert.Equal("lobby", reply.Admission);
            await Eventually.TrueAsync(() => therapist.View.Lobby.Any(l => l.Id == reply.ParticipantId), $"the therapist sees {email} in the lobby");
        });
        return patient;
    }

    /// <summary>A patient joins, the therapist admits them, and both sides see them in the room.</summary>
    public static async Task<RoomClient> AdmittedPatientAsync(this IopServer server, Guid sessionId, RoomClient therapist, string email, bool messagePack = false)
    {
        var patient = await server.PatientInLobbyAsync(sessionId, therapist, email, messagePack);
        await JoinOrDisposeAsync(patient, async c =>
        {
            await therapist.Admit(c.View.SelfId!);
            await Eventually.TrueAsync(() => c.View.Admission == "admitted" && therapist.View.Find(c.View.SelfId!) is not null, $"{email} is admitted");
        });
        return patient;
    }

    private static async Task JoinOrDisposeAsync(RoomClient client, Func<RoomClient, Task> join)
    {
        try
        {
            await join(client);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }
}

using IopTelehealth.Client;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Tests.Rooms;

/// <summary>The group's size (bounded by the program's max group size) caps the patients in a room; staff have seats of their own.</summary>
public sealed class RoomCapacityTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task Patients_beyond_the_group_size_get_room_full_and_staff_still_enter()
    {
        await server.WithDbAsync(async db =>
        {
            var group = await db.Groups.SingleAsync(g => g.Name == DemoAccounts.GroupName);
            var program = await db.Programs.SingleAsync(p => p.Id == group.ProgramId);
            group.ChangeCapacity(2, program.MaxGroupSize);
            return await db.SaveChangesAsync();
        });
        var sessionId = await server.NewSessionAsync();
        await using var first = await server.ConnectAsAsync(DemoAccounts.Patient(1));
        await using var second = await server.ConnectAsAsync(DemoAccounts.Patient(2));
        await using var third = await server.ConnectAsAsync(DemoAccounts.Patient(3));
        await first.JoinSession(sessionId, RoomParticipants.AtHome);
        await second.JoinSession(sessionId, RoomParticipants.AtHome);
        var version = await server.RoomVersionAsync(sessionId);

        var full = await Assert.ThrowsAsync<RoomCallException>(() => third.JoinSession(sessionId, RoomParticipants.AtHome));

        Assert.Equal("room-full", full.Code);
        Assert.Equal(version, await server.RoomVersionAsync(sessionId));
        Assert.Equal(2, (await server.StoredRoomAsync(sessionId))!.Participants.Count(p => p.Role == ParticipantRole.Patient));

        await using var therapist = await server.TherapistInAsync(sessionId);
        await first.LeaveSession();
        var seat = await third.JoinSession(sessionId, RoomParticipants.AtHome);

        Assert.Equal("admitted", therapist.View.Admission);
        Assert.Equal("lobby", seat.Admission);
        Assert.Equal(2, (await server.StoredRoomAsync(sessionId))!.Participants.Count(p => p.Role == ParticipantRole.Patient));
    }
}

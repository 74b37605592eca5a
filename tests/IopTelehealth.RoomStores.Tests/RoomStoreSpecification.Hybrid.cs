using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.RoomStores.Tests;

/// <summary>Hybrid sessions: in-clinic participants and used check-in codes are room state like any other.</summary>
public abstract partial class RoomStoreSpecification
{
    [Fact]
    public async Task An_in_clinic_participant_and_the_used_check_in_codes_survive_the_store()
    {
        var store = CreateStore();
        var sessionId = TestRooms.NewSession();
        var now = DateTimeOffset.UtcNow;
        var code = new CheckInCode(sessionId, "nonce-1", now, now.AddSeconds(45));
        var patient = new CheckInRequest(Guid.NewGuid(), "River");

        var change = await store.Change(sessionId, room => room.Scan(patient, code, now));

        var stored = (await store.GetAsync(sessionId, Ct))!;
        var participant = Assert.Single(stored.Participants);
        Assert.Equal((change.Result.Participant.Id, true, true, (string?)null), (participant.Id, participant.InClinic, participant.IsPresent, participant.ConnectionId));
        var used = Assert.Single(stored.UsedCheckInCodes);
        Assert.Equal(("nonce-1", patient.UserId, code.ExpiresAt), (used.Nonce, used.UserId, used.ExpiresAt));
        var replay = await Assert.ThrowsAsync<RoomException>(() => store.Change(sessionId, room => room.Scan(patient, code, now)));
        Assert.Equal(RoomErrors.TokenUsed, replay.Code);
    }
}

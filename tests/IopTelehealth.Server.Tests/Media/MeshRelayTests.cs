using IopTelehealth.Client;
using IopTelehealth.Contracts.Rooms;
using IopTelehealth.Domain.Media;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using IopTelehealth.Testing;

namespace IopTelehealth.Server.Tests.Media;

/// <summary>Mesh mode: the server relays offers, answers and candidates between two admitted participants of one room, and nothing else.</summary>
public sealed class MeshRelayTests(MeshServer server) : IClassFixture<MeshServer>
{
    private const string HostCandidate = "candidate:1 1 udp 2122260223 192.168.1.20 54321 typ host generation 0";

    [Fact]
    public async Task An_offer_answer_and_candidates_travel_between_two_admitted_participants()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var patient = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(1));
        var atTherapist = therapist.Record();
        var atPatient = patient.Record();
        var offer = MeshSignals.Offer();

        await therapist.SendSignal(patient.View.SelfId!, offer);
        await Eventually.TrueAsync(() => !atPatient.IsEmpty, "the patient receives the offer");
        var (from, received) = Assert.Single(atPatient);
        Assert.Equal(therapist.View.SelfId, from);
        Assert.Equal(WireSignalKinds.Offer, received.Kind);
        Assert.Equal(offer.Description!.Sdp, received.Description!.Sdp);

        var answer = MeshSignals.Answer();
        await patient.SendSignal(therapist.View.SelfId!, answer);
        await patient.SendSignal(therapist.View.SelfId!, MeshSignals.Candidate(HostCandidate));
        await patient.SendSignal(therapist.View.SelfId!, MeshSignals.Candidate(""));

        await Eventually.TrueAsync(() => atTherapist.Count == 3, "the therapist receives the answer and both candidates");
        Assert.Equal([WireSignalKinds.Answer, WireSignalKinds.Candidate, WireSignalKinds.Candidate], atTherapist.Select(s => s.Signal.Kind));
        Assert.All(atTherapist, s => Assert.Equal(patient.View.SelfId, s.From));
        Assert.Equal(answer.Description!.Sdp, atTherapist.First().Signal.Description!.Sdp);
        Assert.Equal(HostCandidate, atTherapist.ElementAt(1).Signal.Candidate!.Candidate);
        Assert.Single(atPatient);
    }

    [Fact]
    public async Task Signals_travel_between_a_json_and_a_messagepack_client()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId, messagePack: true);
        await using var patient = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(7));
        var atTherapist = therapist.Record();
        var atPatient = patient.Record();

        await therapist.SendSignal(patient.View.SelfId!, MeshSignals.Offer());
        await Eventually.TrueAsync(() => !atPatient.IsEmpty, "the JSON client receives the MessagePack client's offer");
        await patient.SendSignal(therapist.View.SelfId!, MeshSignals.Candidate(HostCandidate));
        await Eventually.TrueAsync(() => !atTherapist.IsEmpty, "the MessagePack client receives the candidate");

        var (_, candidate) = Assert.Single(atTherapist);
        Assert.Equal(new IceCandidateDto(HostCandidate, "0", 0), candidate.Candidate);
        Assert.Null(candidate.Description);
        var (from, offer) = Assert.Single(atPatient);
        Assert.Equal(therapist.View.SelfId, from);
        Assert.StartsWith("v=0\r\n", offer.Description!.Sdp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_is_relayed_once_per_offer_and_never_without_one()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var patient = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(2));
        var atTherapist = therapist.Record();
        var version = await server.RoomVersionAsync(sessionId);

        var unasked = await Assert.ThrowsAsync<RoomCallException>(() => patient.SendSignal(therapist.View.SelfId!, MeshSignals.Answer()));
        Assert.Equal("no-pending-offer", unasked.Code);
        Assert.Equal(version, await server.RoomVersionAsync(sessionId));

        await therapist.SendSignal(patient.View.SelfId!, MeshSignals.Offer());
        await patient.SendSignal(therapist.View.SelfId!, MeshSignals.Answer());
        var twice = await Assert.ThrowsAsync<RoomCallException>(() => patient.SendSignal(therapist.View.SelfId!, MeshSignals.Answer()));
        Assert.Equal("no-pending-offer", twice.Code);

        // The therapist answering their own offer's target is no answer to anything either.
        var wrongWay = await Assert.ThrowsAsync<RoomCallException>(() => therapist.SendSignal(patient.View.SelfId!, MeshSignals.Answer()));
        Assert.Equal("no-pending-offer", wrongWay.Code);
        await Eventually.TrueAsync(() => atTherapist.Count == 1, "the one valid answer arrives");
        Assert.Single(atTherapist);
    }

    [Fact]
    public async Task Nothing_is_relayed_to_or_from_the_lobby_another_room_an_unknown_id_or_oneself()
    {
        var sessionId = await server.NewSessionAsync();
        var otherSessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var admitted = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(3));
        await using var waiting = await server.PatientInLobbyAsync(sessionId, therapist, DemoAccounts.Patient(4));
        await using var elsewhere = await server.ConnectAsAsync(DemoAccounts.Staff);
        var elsewhereReply = await elsewhere.JoinSession(otherSessionId, null);
        var atTherapist = therapist.Record();
        var atAdmitted = admitted.Record();
        var atWaiting = waiting.Record();
        var atElsewhere = elsewhere.Record();

        var fromLobby = await Assert.ThrowsAsync<RoomCallException>(() => waiting.SendSignal(therapist.View.SelfId!, MeshSignals.Offer()));
        Assert.Equal("not-admitted", fromLobby.Code);
        var toLobby = await Assert.ThrowsAsync<RoomCallException>(() => therapist.SendSignal(waiting.View.SelfId!, MeshSignals.Offer()));
        Assert.Equal("participant-not-found", toLobby.Code);
        var toOtherRoom = await Assert.ThrowsAsync<RoomCallException>(() => admitted.SendSignal(elsewhereReply.ParticipantId, MeshSignals.Offer()));
        Assert.Equal("participant-not-found", toOtherRoom.Code);
        var fromOtherRoom = await Assert.ThrowsAsync<RoomCallException>(() => elsewhere.SendSignal(admitted.View.SelfId!, MeshSignals.Candidate(HostCandidate)));
        Assert.Equal("participant-not-found", fromOtherRoom.Code);
        var unknown = await Assert.ThrowsAsync<RoomCallException>(() => admitted.SendSignal("0123456789ab", MeshSignals.Offer()));
        Assert.Equal("participant-not-found", unknown.Code);
        var notAnId = await Assert.ThrowsAsync<RoomCallException>(() => admitted.SendSignal("../../etc", MeshSignals.Offer()));
        Assert.Equal("invalid-argument", notAnId.Code);
        var self = await Assert.ThrowsAsync<RoomCallException>(() => admitted.SendSignal(admitted.View.SelfId!, MeshSignals.Offer()));
        Assert.Equal("invalid-argument", self.Code);

        // A valid signal afterwards proves the relay works, and that nothing refused was delivered before it.
        await admitted.SendSignal(therapist.View.SelfId!, MeshSignals.Candidate(HostCandidate));
        await Eventually.TrueAsync(() => atTherapist.Count == 1, "the valid candidate arrives");
        Assert.Empty(atAdmitted);
        Assert.Empty(atWaiting);
        Assert.Empty(atElsewhere);
    }

    [Theory]
    [InlineData("candidate:1 1 udp 2122260223 169.254.169.254 80 typ host")]
    [InlineData("candidate:1 1 udp 2122260223 127.0.0.1 6379 typ host")]
    [InlineData("candidate:1 1 udp 2122260223 fe80::1 5000 typ host")]
    [InlineData("candidate:1 1 udp 2122260223 224.0.0.251 5353 typ host")]
    [InlineData("candidate:1 1 udp 2122260223 0.0.0.0 5000 typ host")]
    [InlineData("candidate:1 1 udp 2122260223 metadata.google.internal 80 typ host")]
    [InlineData("not a candidate")]
    public async Task A_candidate_for_a_forbidden_address_is_refused_and_not_relayed(string candidate)
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var patient = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(5));
        var atPatient = patient.Record();

        var refused = await Assert.ThrowsAsync<RoomCallException>(() => therapist.SendSignal(patient.View.SelfId!, MeshSignals.Candidate(candidate)));

        Assert.Equal("invalid-candidate", refused.Code);
        await therapist.SendSignal(patient.View.SelfId!, MeshSignals.Candidate(HostCandidate));
        await Eventually.TrueAsync(() => !atPatient.IsEmpty, "the next valid candidate arrives");
        Assert.Equal(HostCandidate, Assert.Single(atPatient).Signal.Candidate!.Candidate);
    }

    // Cases by name: the signals themselves hold a NUL character, which cannot stand in a test's display name (the TRX
    // report is XML and its writer stops at it).
    public static TheoryData<string> BadSignals => ["oversized", "not-sdp", "nul-inside", "answer-in-an-offer", "offer-without-sdp", "empty-candidate", "unknown-kind"];

    private static (string Code, MeshSignalDto Signal) BadSignal(string name) => name switch
    {
        "oversized" => ("invalid-sdp", MeshSignals.Offer(TestSdp.Offer().Sdp + "a=x:" + new string('a', SessionDescription.MaxBytes) + "\r\n")),
        "not-sdp" => ("invalid-sdp", MeshSignals.Offer("hello peer")),
        "nul-inside" => ("invalid-sdp", MeshSignals.Offer(TestSdp.Offer().Sdp.Replace("s=-", "s=\0", StringComparison.Ordinal))),
        "answer-in-an-offer" => ("invalid-sdp", new MeshSignalDto(WireSignalKinds.Offer, new SdpDto("answer", TestSdp.Offer().Sdp), null)),
        "offer-without-sdp" => ("invalid-sdp", new MeshSignalDto(WireSignalKinds.Offer, null, null)),
        "empty-candidate" => ("invalid-candidate", new MeshSignalDto(WireSignalKinds.Candidate, null, null)),
        "unknown-kind" => ("invalid-argument", new MeshSignalDto("rollback", null, null)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such case."),
    };

    [Theory]
    [MemberData(nameof(BadSignals))]
    public async Task A_malformed_or_oversized_signal_is_refused_with_its_code_and_not_relayed(string name)
    {
        var (code, signal) = BadSignal(name);
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var patient = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(6));
        var atPatient = patient.Record();
        var version = await server.RoomVersionAsync(sessionId);

        var refused = await Assert.ThrowsAsync<RoomCallException>(() => therapist.SendSignal(patient.View.SelfId!, signal));

        Assert.Equal(code, refused.Code);
        Assert.Equal(version, await server.RoomVersionAsync(sessionId));
        await therapist.SendSignal(patient.View.SelfId!, MeshSignals.Candidate(HostCandidate));
        await Eventually.TrueAsync(() => !atPatient.IsEmpty, "the next valid signal arrives");
        Assert.Single(atPatient);
    }

    [Fact]
    public async Task The_sfu_methods_answer_wrong_media_mode()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);

        var publish = await Assert.ThrowsAsync<RoomCallException>(() => therapist.Publish(MeshSignals.Sdp(TestSdp.Offer())));
        var subscribe = await Assert.ThrowsAsync<RoomCallException>(therapist.Subscribe);
        var trickle = await Assert.ThrowsAsync<RoomCallException>(() => therapist.Trickle(WireMediaLegs.Publisher, new IceCandidateDto(HostCandidate, "0", 0)));

        Assert.Equal(["wrong-media-mode", "wrong-media-mode", "wrong-media-mode"], [publish.Code, subscribe.Code, trickle.Code]);
    }
}

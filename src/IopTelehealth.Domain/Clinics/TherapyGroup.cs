namespace IopTelehealth.Domain.Clinics;

/// <summary>A cohort of patients that meets together, led by one or more therapists.</summary>
public sealed class TherapyGroup
{
    public const int NameMaxLength = 200;

    private readonly List<GroupTherapist> _therapists = [];

    private TherapyGroup() { }

    public TherapyGroup(Guid id, Guid clinicId, Guid programId, string name, int capacity, int programMaxGroupSize)
    {
        Id = id;
        ClinicId = clinicId;
        ProgramId = programId;
        Rename(name);
        ChangeCapacity(capacity, programMaxGroupSize);
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid ProgramId { get; private set; }

    public string Name { get; private set; } = "";

    public int Capacity { get; private set; }

    public IReadOnlyCollection<GroupTherapist> Therapists => _therapists;

    public void Rename(string name) => Name = Guard.Text(name, nameof(Name), NameMaxLength);

    /// <summary>The program's maximum group size caps every group of the program.</summary>
    public void ChangeCapacity(int capacity, int programMaxGroupSize) =>
        Capacity = Guard.Range(capacity, nameof(Capacity), 1, programMaxGroupSize);

    public void AssignTherapists(IEnumerable<Guid> staffIds)
    {
        var wanted = staffIds.Distinct().ToList();
        _therapists.RemoveAll(t => !wanted.Contains(t.StaffId));
        foreach (var id in wanted.Where(id => _therapists.All(t => t.StaffId != id)))
        {
            _therapists.Add(new GroupTherapist(Id, id));
        }
    }

    public bool IsLedBy(Guid staffId) => _therapists.Any(t => t.StaffId == staffId);
}

/// <summary>Assignment of a therapist (staff profile) to a group.</summary>
public sealed class GroupTherapist
{
    private GroupTherapist() { }

    public GroupTherapist(Guid groupId, Guid staffId)
    {
        GroupId = groupId;
        StaffId = staffId;
    }

    public Guid GroupId { get; private set; }

    public Guid StaffId { get; private set; }
}

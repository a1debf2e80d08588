using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace MetricSets.Tests;

public class MetricSetProperties
{
    // An operation on a set of definitions drawn from a pool of eight: Add, Remove or Move (to a position that may be out of range).
    private enum Operation
    {
        Add,
        Remove,
        Move,
    }

    private static Gen<(Operation Operation, int Definition, int Index)> Step { get; } =
        from operation in Gen.Elements(Operation.Add, Operation.Add, Operation.Remove, Operation.Move, Operation.Move)
        from definition in Gen.Choose(0, 7)
        from index in Gen.Choose(-1, 8)
        select (operation, definition, index);

    [Property]
    public Property Any_sequence_of_changes_behaves_like_a_list_without_duplicates()
    {
        return Prop.ForAll(Gen.ListOf(Step).ToArbitrary(), steps =>
        {
            var pool = Enumerable.Range(0, 8).Select(_ => MetricDefinitionId.New()).ToArray();
            var set = MetricSet.Create(MetricOwner.ForWorkout(WorkoutId.New()), "Generated");
            var model = new List<MetricDefinitionId>();

            foreach (var (operation, definition, index) in steps)
            {
                var id = pool[definition];
                switch (operation)
                {
                    case Operation.Add when model.Contains(id):
                        Assert.Throws<MetricConflictException>(() => set.Add(id));
                        break;
                    case Operation.Add:
                        Assert.Equal(model.Count, set.Add(id).SortOrder);
                        model.Add(id);
                        break;
                    case Operation.Remove when !model.Contains(id):
                        Assert.Throws<MetricNotFoundException>(() => set.Remove(id));
                        break;
                    case Operation.Remove:
                        set.Remove(id);
                        model.Remove(id);
                        break;
                    case Operation.Move when !model.Contains(id):
                        Assert.Throws<MetricNotFoundException>(() => set.Move(id, index));
                        break;
                    case Operation.Move when index < 0 || index >= model.Count:
                        Assert.Equal("newIndex", Assert.Throws<MetricValidationException>(() => set.Move(id, index)).ParameterName);
                        break;
                    case Operation.Move:
                        set.Move(id, index);
                        model.Remove(id);
                        model.Insert(index, id);
                        break;
                }

                Assert.Equal(model, set.DefinitionIds);
                Assert.Equal(Enumerable.Range(0, model.Count), set.Entries.Select(entry => entry.SortOrder));
            }
        });
    }
}

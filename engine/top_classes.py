"""Which classes a view shows when a sample has more than it can show: the ones that matter for
the lesson (the true classes, a class being dragged or swept) and the most probable."""

import numpy as np


def target_mass(scenario, n, keep_ignored=True):
    """Each class's share of sample n's target as the user set it, not label-smoothed: the
    smoothed target gives every class a little, which would make every class "true".

    A class index gives its class all the mass, :math:`m_c = [c = t_n]`. When the index is also
    ``options.ignore_index`` (which may be a class index too), the loss leaves the sample out:
    with ``keep_ignored`` (the default) the picked class still has the mass, as the tables and
    plots show it; without, no class has any, as the worked arithmetic writes it.
    """
    if scenario.target_kind == "index":
        mass = np.zeros(len(scenario.classes))
        target = int(scenario.targets[n])
        ignored = target == scenario.options.ignore_index
        if 0 <= target < len(mass) and (keep_ignored or not ignored):
            mass[target] = 1.0
        return mass
    return scenario.targets[n]


def top_classes(probabilities, mass, k, pinned=(), mass_limit=None):
    """Up to ``k`` classes, in order of priority: the ``pinned`` ones, then those with target mass
    (the largest first, at most ``mass_limit``), then the most probable others. All classes, in
    index order, when there are at most ``k``.

    O(C): argpartition, no sort or Python loop over all classes.

    Parameters
    ----------
    probabilities, mass : numpy.ndarray, shape (C,)
    k : int
    pinned : iterable of int
    mass_limit : int, optional (default k)

    Returns
    -------
    chosen : numpy.ndarray of int, in the order above
    most_probable_only : bool
        True when ``chosen`` is exactly the ``k`` most probable classes.
    """
    count = len(probabilities)
    if count <= k:
        return np.arange(count), True
    with_mass = np.flatnonzero(mass > 0)
    heaviest = with_mass[_largest(mass[with_mass], k if mass_limit is None else mass_limit)]
    first = list(dict.fromkeys([*pinned, *heaviest.tolist()]))[:k]
    room = k - len(first)
    # The most probable of the others, and the one after them: "first" is among the k most
    # probable when none of it is less probable than that one.
    others = np.array(probabilities, dtype=np.float64)
    others[first] = -np.inf
    likely = _largest(others, room + 1)
    most_probable_only = not first or probabilities[first].min() >= probabilities[likely[room]]
    chosen = np.concatenate([np.array(first, dtype=np.intp), likely[:room]])
    return chosen, bool(most_probable_only)


def _largest(values, k):
    """The indices of the ``k`` largest values, the largest first."""
    top = np.arange(len(values))
    if k < len(values):
        top = np.argpartition(-values, k - 1)[:k] if k > 0 else top[:0]
    return top[np.argsort(-values[top], kind="stable")]

/** Which commits each deployment shipped (issue 14). */
import { branchFromRef } from "../pipeline/types";
import type { Commit, Deployment, Push } from "./types";

/** When a deployment happened: its finish, else its start; null when neither is known. */
function deploymentTime(deployment: Deployment): Date | null {
  return deployment.finishedAt ?? deployment.startedAt;
}

/** Deployments that have a time, oldest first (ties by id, so the order never depends on input order). */
export function inTimeOrder(deployments: readonly Deployment[]): Deployment[] {
  return deployments
    .filter((deployment) => deploymentTime(deployment) !== null)
    .sort((a, b) => deploymentTime(a)!.getTime() - deploymentTime(b)!.getTime() || a.id.localeCompare(b.id));
}

/** A branch's commits in the order they were pushed, each at its first position. */
interface BranchHistory {
  shas: string[];
  position: Map<string, number>;
}

function branchHistories(pushes: readonly Push[]): Map<string, BranchHistory> {
  const histories = new Map<string, BranchHistory>();
  const ordered = [...pushes].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const push of ordered) {
    const branch = branchFromRef(push.ref);
    if (branch === null) continue;
    let history = histories.get(branch);
    if (!history) histories.set(branch, (history = { shas: [], position: new Map() }));
    for (const sha of push.shas) {
      if (history.position.has(sha)) continue;
      history.position.set(sha, history.shas.length);
      history.shas.push(sha);
    }
  }
  return histories;
}

/**
 * The commits each deployment carried, by deployment id, oldest first: the commits pushed to the
 * deployed branch up to the deployed sha that no earlier successful deployment to the same
 * environment shipped; the deployed sha alone when its push was not seen. Only a successful
 * deployment ships, so a failed one's commits are carried again by the next attempt. A redeploy of
 * a live sha, or a rollback, carries nothing. A force-push is read as appending to the branch.
 *
 * `deployments` must be in time order (`inTimeOrder`).
 */
export function carriedCommits(deployments: readonly Deployment[], pushes: readonly Push[]): Map<string, string[]> {
  const histories = branchHistories(pushes);
  const shippedTo = new Map<string, Set<string>>();
  // Per environment and branch, the position up to which every commit has shipped: later
  // deployments scan only past it, so a year of deployments stays linear in the commits.
  const shippedThrough = new Map<string, number>();
  const carried = new Map<string, string[]>();

  for (const deployment of deployments) {
    if (deployment.sha === null) {
      carried.set(deployment.id, []);
      continue;
    }
    let shipped = shippedTo.get(deployment.environment);
    if (!shipped) shippedTo.set(deployment.environment, (shipped = new Set()));
    const branch = branchFromRef(deployment.ref);
    const history = branch === null ? undefined : histories.get(branch);
    const position = history?.position.get(deployment.sha);
    const frontierKey = `${deployment.environment}\u0000${branch}`;
    const frontier = shippedThrough.get(frontierKey) ?? -1;
    const candidates = history && position !== undefined ? history.shas.slice(frontier + 1, position + 1) : [deployment.sha];
    const commits = candidates.filter((sha) => !shipped.has(sha));
    carried.set(deployment.id, commits);

    if (deployment.status !== "success") continue;
    for (const sha of commits) shipped.add(sha);
    if (position !== undefined && position > frontier) shippedThrough.set(frontierKey, position);
  }
  return carried;
}

/** Each card key's commit shas, so many cards are read with one pass over the commits. */
export function shasByCard(commits: readonly Commit[]): Map<string, string[]> {
  const byCard = new Map<string, string[]>();
  for (const commit of commits) {
    for (const key of commit.cardKeys) {
      const shas = byCard.get(key);
      if (shas) shas.push(commit.sha);
      else byCard.set(key, [commit.sha]);
    }
  }
  return byCard;
}

/**
 * The actions the generated workflows use, each pinned to the full commit SHA of a release tag (a tag can be moved;
 * a commit cannot), with the version written beside it. An upgrade of the generator moves them: change a row here,
 * and `create-privatelink upgrade` merges the new pins into each project's workflows, keeping the owner's edits.
 *
 * Sources: each repository's release tag, resolved to its commit (git rev-list -n 1 <tag>) in a snapshot of the
 * repository on 2026-12-06; `runs.using` of each action.yml at that commit is node24 (GitHub's runners 2.327.1 and later).
 * - https://github.com/actions/checkout/releases
 * - https://github.com/actions/setup-node/releases
 * - https://github.com/hashicorp/setup-terraform/releases
 * - https://github.com/aws-actions/configure-aws-credentials/releases
 * - https://github.com/actions/upload-artifact/releases
 * - https://github.com/actions/download-artifact/releases
 */

export interface PinnedAction {
  /** owner/name */
  readonly repository: string;
  /** The release tag. */
  readonly version: string;
  /** The tag's commit. */
  readonly sha: string;
}

export const ACTIONS = {
  checkout: { repository: "actions/checkout", version: "v7.0.1", sha: "3d3c42e5aac5ba805825da76410c181273ba90b1" },
  setupNode: { repository: "actions/setup-node", version: "v7.0.0", sha: "820762786026740c76f36085b0efc47a31fe5020" },
  setupTerraform: { repository: "hashicorp/setup-terraform", version: "v4.0.1", sha: "dfe3c3f87815947d99a8997f908cb6525fc44e9e" },
  awsCredentials: {
    repository: "aws-actions/configure-aws-credentials",
    version: "v6.2.3",
    sha: "e6de054238d6b7531b4efff3b6587d9aade6a06c",
  },
  uploadArtifact: { repository: "actions/upload-artifact", version: "v7.0.0", sha: "bbbca2ddaa5d8feaa63e36b76fdaad77386f024f" },
  downloadArtifact: { repository: "actions/download-artifact", version: "v8.0.1", sha: "3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c" },
} as const satisfies Readonly<Record<string, PinnedAction>>;

/** A `uses:` value: the commit, with the version as a comment (Dependabot and Renovate keep both). */
export const uses = (action: PinnedAction): string => `${action.repository}@${action.sha} # ${action.version}`;

/** The runtimes the workflows set up: the Node of the active LTS, and the Terraform the stacks are tested with. */
export const RUNNER = { image: "ubuntu-24.04", node: "24", terraform: "1.11.4" } as const;

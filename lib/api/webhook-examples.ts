// Copy-paste recipes for the generic CI webhook, shared by the OpenAPI document and the settings
// page. The CI job keeps the webhook URL and secret in secret variables SHIPBOARD_WEBHOOK_URL and
// SHIPBOARD_WEBHOOK_SECRET. Bodies are built with jq from environment variables, never by pasting
// branch names or commit messages into the script, which would let them break out of it.

/** Signs the exact bytes of $BODY and posts them; $DELIVERY is the dedupe id. */
const SIGN_AND_POST = `SIG="sha256=$(printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SHIPBOARD_WEBHOOK_SECRET" | sed 's/^.* //')"
curl -fsS -X POST "$SHIPBOARD_WEBHOOK_URL" -H 'Content-Type: application/json' \\
  -H "X-Shipboard-Signature-256: $SIG" -H "X-Shipboard-Delivery: $DELIVERY" --data-raw "$BODY"`;

const indent = (text: string, spaces: number) => text.replaceAll("\n", `\n${" ".repeat(spaces)}`);

const JQ_BODY = `jq -nc --arg repo "$REPO" --arg branch "$BRANCH" --arg commit "$COMMIT" --arg message "$MESSAGE" \\
  --arg id "$RUN_ID" --argjson attempt "\${RUN_ATTEMPT:-1}" --arg name "$RUN_NAME" --arg status "$STATUS" --arg url "$RUN_URL" \\
  '{repository: $repo, branch: $branch, commit: $commit, message: ($message | .[0:2000]),
    pipeline: {id: $id, attempt: $attempt, name: (if $name == "" then "CI" else $name end)}, status: $status, url: $url}'`;

export const CURL_EXAMPLE = `BODY='{"repository":"acme/shop","branch":"feature/DEMO-12-login","commit":"9fceb02d0ae598e95dc970b74767f19372d61af8","pipeline":{"id":"build-481","name":"CI"},"status":"success","url":"https://ci.example.com/builds/481"}'
DELIVERY=build-481-success
${SIGN_AND_POST}`;

/** The last step of a GitHub Actions job: reports the job's outcome, also when it failed. */
export const GITHUB_ACTIONS_STEP = `- name: Report to Shipboard
  if: always()
  env:
    SHIPBOARD_WEBHOOK_URL: \${{ secrets.SHIPBOARD_WEBHOOK_URL }}
    SHIPBOARD_WEBHOOK_SECRET: \${{ secrets.SHIPBOARD_WEBHOOK_SECRET }}
    REPO: \${{ github.repository }}
    BRANCH: \${{ github.head_ref || github.ref_name }}
    COMMIT: \${{ github.sha }}
    MESSAGE: \${{ github.event.head_commit.message || github.event.pull_request.title }}
    RUN_ID: \${{ github.run_id }}
    RUN_ATTEMPT: \${{ github.run_attempt }}
    RUN_NAME: \${{ github.workflow }}
    RUN_URL: \${{ github.server_url }}/\${{ github.repository }}/actions/runs/\${{ github.run_id }}
    JOB_STATUS: \${{ job.status }}
  run: |
    case "$JOB_STATUS" in success) STATUS=success;; cancelled) STATUS=cancelled;; *) STATUS=failure;; esac
    BODY=$(${indent(JQ_BODY, 4)})
    DELIVERY="$RUN_ID-$RUN_ATTEMPT-$STATUS"
    ${indent(SIGN_AND_POST, 4)}`;

/** Two GitLab CI jobs in the reserved last stage: one runs when the pipeline succeeded, one when it failed. */
export const GITLAB_CI_JOB = `.report-to-shipboard:
  stage: .post
  image: alpine:3.20
  variables:
    REPO: $CI_PROJECT_PATH
    BRANCH: $CI_COMMIT_REF_NAME
    COMMIT: $CI_COMMIT_SHA
    MESSAGE: $CI_COMMIT_TITLE
    RUN_ID: $CI_PIPELINE_ID
    RUN_NAME: $CI_PIPELINE_NAME
    RUN_URL: $CI_PIPELINE_URL
  script:
    - apk add --no-cache curl jq openssl
    - |
      BODY=$(${indent(JQ_BODY, 6)})
      DELIVERY="$RUN_ID-$STATUS"
      ${indent(SIGN_AND_POST, 6)}

shipboard-success:
  extends: .report-to-shipboard
  when: on_success
  variables: { STATUS: success }

shipboard-failure:
  extends: .report-to-shipboard
  when: on_failure
  variables: { STATUS: failure }`;

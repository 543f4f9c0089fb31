import { Form } from "@remix-run/react";
import { formatDate } from "../ui/format.ts";

export interface CommentRow {
  surveyId: string;
  respondedAt: string | Date | null;
  text: string;
  product: string | null;
  attachedTo: string[];
  capabilities: Array<{ id: string; title: string; key: string }>;
}

export function CommentList({ comments, returnTo }: { comments: CommentRow[]; returnTo: string }) {
  if (comments.length === 0) return <p className="panel muted">No customer has written what they like least yet.</p>;
  return (
    <ul className="comment-list">
      {comments.map((comment) => (
        <li key={comment.surveyId} className="panel">
          <blockquote>{comment.text}</blockquote>
          <p className="small muted">
            {comment.product ?? "No product named"} · answered {formatDate(comment.respondedAt)}
          </p>
          {comment.attachedTo.length ? <p className="small">A pain point of: {comment.attachedTo.join(", ")}</p> : null}
          {comment.capabilities.length ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="surveyId" value={comment.surveyId} />
              <input type="hidden" name="returnTo" value={returnTo} />
              <label htmlFor={`capability-${comment.surveyId}`}>Add as a pain point of</label>
              <select id={`capability-${comment.surveyId}`} name="capabilityId" required defaultValue="">
                <option value="" disabled>
                  Choose a capability…
                </option>
                {comment.capabilities.map((capability) => (
                  <option key={capability.id} value={capability.id}>
                    {capability.title}
                  </option>
                ))}
              </select>
              <button type="submit" name="intent" value="attach">
                Add
              </button>
            </Form>
          ) : (
            <p className="small muted">The deal names no product, so there is no capability to attach it to.</p>
          )}
        </li>
      ))}
    </ul>
  );
}

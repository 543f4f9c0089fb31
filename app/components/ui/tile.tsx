import type { ReactNode } from "react";

/**
 * One figure of a row of tiles (`<div className="tiles">`): what it is, the figure, and an
 * optional note under it. `alert` marks a figure that needs attention; `figure` names the value
 * for tests and scripts (`data-figure`).
 */
export function Tile({
  label,
  value,
  note,
  alert = false,
  figure,
}: {
  label: ReactNode;
  value: ReactNode;
  note?: ReactNode;
  alert?: boolean;
  figure?: string;
}) {
  return (
    <div className={alert ? "tile tile-alert" : "tile"}>
      <div className="tile-label">{label}</div>
      <div className="tile-value" data-figure={figure}>
        {value}
      </div>
      {note ? <div className="small muted">{note}</div> : null}
    </div>
  );
}

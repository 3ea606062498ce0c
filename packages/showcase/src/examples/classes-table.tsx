import type { RequestRunner, Source } from '@pagewise/core';
import { DataTable } from './data-table.js';

/** DingTalk school classes (`dingtalkTokenList`: maxResults + nextToken). */
interface SchoolClass {
  classId: number;
  name: string;
  studentCount: number;
  headTeacher: string;
}

export function ClassesTable({
  source,
  runner,
  pageSize = 50,
}: {
  source: Source<SchoolClass>;
  runner?: RequestRunner;
  pageSize?: number;
}) {
  return (
    <DataTable
      source={source}
      runner={runner}
      pageSize={pageSize}
      caption="DingTalk school classes"
      columns={[
        { header: 'Class', cell: (c) => c.name },
        { header: 'Students', cell: (c) => c.studentCount },
        { header: 'Head teacher', cell: (c) => c.headTeacher },
      ]}
    />
  );
}

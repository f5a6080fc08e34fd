import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, ErrorCodes, type CaseView } from '#libs/contracts';
import { toShanghai } from '#libs/calendar';
import { maskIdNumber, maskPhone } from '#libs/checks';
import { queryOne } from '#libs/persistence';

interface CaseRow {
  case_no: string;
  item_code: string;
  item_name: string;
  item_version: number;
  case_type: string;
  center_code: string;
  status: string;
  applicant: CaseView['applicant'];
  materials: CaseView['materials'];
  form: Record<string, unknown>;
  delivery: CaseView['delivery'];
  accepted_at: Date;
  accepted_by: string;
  promised_deadline: Date;
  legal_deadline: Date;
}

@Injectable()
export class GetCase {
  constructor(private readonly ds: DataSource) {}

  async view(caseNo: string): Promise<CaseView> {
    const r = await this.row(caseNo);
    return {
      caseNo: r.case_no,
      itemCode: r.item_code,
      itemName: r.item_name,
      itemVersion: r.item_version,
      caseType: r.case_type,
      centerCode: r.center_code,
      status: r.status,
      applicant: { ...r.applicant, idNumber: maskIdNumber(r.applicant.idNumber), phone: maskPhone(r.applicant.phone) },
      materials: r.materials,
      form: r.form,
      delivery: r.delivery.phone ? { ...r.delivery, phone: maskPhone(r.delivery.phone) } : r.delivery,
      acceptedAt: toShanghai(r.accepted_at)!,
      acceptedBy: r.accepted_by,
      promisedDeadline: toShanghai(r.promised_deadline)!,
      legalDeadline: toShanghai(r.legal_deadline)!,
    };
  }

  /** The public status check: the case number plus the last four characters of the applicant's ID number. */
  async applicantMatches(caseNo: string, idTail: string): Promise<boolean> {
    const r = await queryOne<{ id_number: string }>(this.ds.manager, `SELECT applicant->>'idNumber' AS id_number FROM intake.cases WHERE case_no = $1`, [
      caseNo,
    ]);
    return !!r && idTail.length >= 4 && r.id_number.toUpperCase().endsWith(idTail.toUpperCase());
  }

  private async row(caseNo: string): Promise<CaseRow> {
    const r = await queryOne<CaseRow>(this.ds.manager, `SELECT * FROM intake.cases WHERE case_no = $1`, [caseNo]);
    if (!r) throw AppError.notFound(ErrorCodes.CASE_NOT_FOUND, `No case ${caseNo}`);
    return r;
  }
}

/* The sample catalog, seeded when demo seeding is on; compiled in, so nothing is read from disk at run time.
 * The catalog is data: a real center loads its own. */
export const SAMPLE_CATALOG = {
  "region": {
    "code": "510704",
    "name": "示范区",
    "level": "county"
  },
  "centers": [
    {
      "code": "510704-C01",
      "name": "示范区政务服务中心",
      "level": "county",
      "region": "510704"
    },
    {
      "code": "510704-T01",
      "name": "城关镇便民服务中心",
      "level": "township",
      "region": "510704001"
    },
    {
      "code": "510704-T02",
      "name": "河西镇便民服务中心",
      "level": "township",
      "region": "510704002"
    }
  ],
  "departments": [
    {
      "code": "SAMR",
      "name": "市场监督管理局"
    },
    {
      "code": "PSB",
      "name": "公安局"
    },
    {
      "code": "TAX",
      "name": "税务局"
    },
    {
      "code": "HRSS",
      "name": "人力资源和社会保障局"
    },
    {
      "code": "NRB",
      "name": "自然资源局(不动产登记中心)"
    },
    {
      "code": "HUD",
      "name": "住房和城乡建设局"
    },
    {
      "code": "EEB",
      "name": "生态环境局"
    },
    {
      "code": "WRB",
      "name": "水利局"
    },
    {
      "code": "CTB",
      "name": "文化广电旅游局"
    },
    {
      "code": "TRB",
      "name": "交通运输局"
    },
    {
      "code": "HEALTH",
      "name": "卫生健康局"
    },
    {
      "code": "DRC",
      "name": "发展和改革局"
    },
    {
      "code": "CIVIL",
      "name": "民政局"
    },
    {
      "code": "FIRE",
      "name": "消防救援大队"
    }
  ],
  "items": [
    {
      "code": "ENT-START",
      "name": "企业开办一件事(设立登记、印章刻制、发票申领、社保登记联办)",
      "powerType": "LICENSE",
      "caseType": "JOINT",
      "applicantTypes": [
        "ORG"
      ],
      "legalDays": 15,
      "promisedDays": 3,
      "reviewPlan": [
        {
          "stage": 1,
          "departments": [
            "SAMR"
          ],
          "lead": "SAMR"
        },
        {
          "stage": 2,
          "departments": [
            "PSB",
            "TAX",
            "HRSS"
          ]
        }
      ],
      "materials": [
        {
          "code": "M01",
          "name": "公司登记(备案)申请书",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M02",
          "name": "公司章程",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M03",
          "name": "股东主体资格证明或自然人身份证件",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M04",
          "name": "法定代表人、董事、监事和经理的任职文件及身份证件",
          "required": true,
          "tolerable": true
        },
        {
          "code": "M05",
          "name": "住所使用证明",
          "required": true,
          "tolerable": true
        },
        {
          "code": "M06",
          "name": "印章样式",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M07",
          "name": "办税人员身份证件",
          "required": true,
          "tolerable": true
        }
      ],
      "fees": [],
      "results": [
        {
          "department": "SAMR",
          "name": "营业执照"
        },
        {
          "department": "PSB",
          "name": "印章备案回执"
        },
        {
          "department": "TAX",
          "name": "发票领用回执"
        },
        {
          "department": "HRSS",
          "name": "社会保险登记回执"
        }
      ]
    },
    {
      "code": "RE-TRANSFER",
      "name": "不动产转移登记(存量房买卖)",
      "powerType": "CONFIRMATION",
      "caseType": "JOINT",
      "applicantTypes": [
        "PERSON",
        "ORG"
      ],
      "legalDays": 30,
      "promisedDays": 5,
      "reviewPlan": [
        {
          "stage": 1,
          "departments": [
            "HUD",
            "TAX",
            "NRB"
          ],
          "lead": "NRB"
        }
      ],
      "materials": [
        {
          "code": "M01",
          "name": "不动产登记申请书",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M02",
          "name": "申请人身份证明",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M03",
          "name": "不动产权属证书",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M04",
          "name": "存量房买卖合同",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M05",
          "name": "完税凭证",
          "required": true,
          "tolerable": true
        },
        {
          "code": "M06",
          "name": "婚姻状况证明",
          "required": false,
          "tolerable": true
        }
      ],
      "fees": [
        {
          "code": "REG-RES",
          "name": "不动产登记费(住宅)",
          "department": "NRB",
          "kind": "FIXED",
          "amountFen": 8000,
          "when": {
            "propertyType": "RESIDENTIAL"
          },
          "exemptFor": [
            "SMALL_MICRO_ENTERPRISE"
          ]
        },
        {
          "code": "REG-NONRES",
          "name": "不动产登记费(非住宅)",
          "department": "NRB",
          "kind": "FIXED",
          "amountFen": 55000,
          "when": {
            "propertyType": "NON_RESIDENTIAL"
          },
          "exemptFor": [
            "SMALL_MICRO_ENTERPRISE"
          ]
        },
        {
          "code": "CERT-COPY",
          "name": "证书工本费(第二本起)",
          "department": "NRB",
          "kind": "PER_UNIT",
          "unit": "本",
          "unitPriceFen": 1000,
          "quantityFrom": "extraCertificates"
        }
      ],
      "formFields": [
        {
          "name": "propertyType",
          "label": "房屋用途",
          "type": "enum",
          "values": [
            "RESIDENTIAL",
            "NON_RESIDENTIAL"
          ],
          "required": true
        },
        {
          "name": "extraCertificates",
          "label": "加发证书本数(第二本起)",
          "type": "integer",
          "min": 0,
          "max": 99
        }
      ],
      "results": [
        {
          "department": "NRB",
          "name": "不动产权证书"
        }
      ]
    },
    {
      "code": "FOOD-BIZ",
      "name": "食品经营许可",
      "powerType": "LICENSE",
      "caseType": "PROMISED",
      "applicantTypes": [
        "ORG",
        "PERSON"
      ],
      "legalDays": 10,
      "promisedDays": 5,
      "reviewPlan": [
        {
          "stage": 1,
          "departments": [
            "SAMR"
          ],
          "lead": "SAMR"
        }
      ],
      "siteInspection": true,
      "materials": [
        {
          "code": "M01",
          "name": "食品经营许可申请书",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M02",
          "name": "营业执照或其他主体资格证明文件",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M03",
          "name": "与食品经营相适应的主要设备设施布局、操作流程等文件",
          "required": true,
          "tolerable": true
        },
        {
          "code": "M04",
          "name": "食品安全自查、从业人员健康管理等食品安全管理制度",
          "required": true,
          "tolerable": true
        }
      ],
      "fees": [],
      "results": [
        {
          "department": "SAMR",
          "name": "食品经营许可证",
          "validityYears": 5
        }
      ]
    },
    {
      "code": "TRAVEL-AGENCY",
      "name": "旅行社业务经营许可",
      "powerType": "LICENSE",
      "caseType": "PROMISED",
      "applicantTypes": [
        "ORG"
      ],
      "legalDays": 20,
      "promisedDays": 5,
      "reviewPlan": [
        {
          "stage": 1,
          "departments": [
            "CTB"
          ],
          "lead": "CTB"
        }
      ],
      "materials": [
        {
          "code": "M01",
          "name": "设立申请书",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M02",
          "name": "法定代表人履历表及身份证明",
          "required": true,
          "tolerable": true
        },
        {
          "code": "M03",
          "name": "经营场所证明",
          "required": true,
          "tolerable": true
        },
        {
          "code": "M04",
          "name": "营业设施、设备的证明或者说明",
          "required": true,
          "tolerable": true
        },
        {
          "code": "M05",
          "name": "旅游服务质量保证金缴存证明",
          "required": true,
          "tolerable": false
        }
      ],
      "fees": [],
      "results": [
        {
          "department": "CTB",
          "name": "旅行社业务经营许可证"
        }
      ]
    },
    {
      "code": "OUTFALL",
      "name": "入河排污口设置审批",
      "powerType": "LICENSE",
      "caseType": "JOINT",
      "applicantTypes": [
        "ORG"
      ],
      "legalDays": 20,
      "promisedDays": 10,
      "reviewPlan": [
        {
          "stage": 1,
          "departments": [
            "EEB",
            "WRB",
            "NRB"
          ],
          "lead": "EEB"
        }
      ],
      "jointSiteSurvey": true,
      "materials": [
        {
          "code": "M01",
          "name": "入河排污口设置申请书",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M02",
          "name": "入河排污口设置论证报告",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M03",
          "name": "建设项目依据文件",
          "required": true,
          "tolerable": true
        },
        {
          "code": "M04",
          "name": "利害关系人的意见",
          "required": false,
          "tolerable": true
        }
      ],
      "fees": [],
      "results": [
        {
          "department": "EEB",
          "name": "入河排污口设置审批决定书"
        }
      ]
    },
    {
      "code": "SPECIAL-EQUIP",
      "name": "特种设备使用登记",
      "powerType": "LICENSE",
      "caseType": "PROMISED",
      "applicantTypes": [
        "ORG"
      ],
      "legalDays": 15,
      "promisedDays": 1,
      "reviewPlan": [
        {
          "stage": 1,
          "departments": [
            "SAMR"
          ],
          "lead": "SAMR"
        }
      ],
      "materials": [
        {
          "code": "M01",
          "name": "特种设备使用登记表",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M02",
          "name": "使用单位统一社会信用代码证明",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M03",
          "name": "产品合格证",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M04",
          "name": "监督检验证明",
          "required": true,
          "tolerable": true
        }
      ],
      "fees": [],
      "results": [
        {
          "department": "SAMR",
          "name": "特种设备使用登记证"
        }
      ]
    },
    {
      "code": "CONSTRUCTION-PERMIT",
      "name": "建筑工程施工许可证核发",
      "powerType": "LICENSE",
      "caseType": "JOINT",
      "applicantTypes": [
        "ORG"
      ],
      "legalDays": 7,
      "promisedDays": 3,
      "reviewPlan": [
        {
          "stage": 1,
          "departments": [
            "FIRE",
            "NRB"
          ]
        },
        {
          "stage": 2,
          "departments": [
            "HUD"
          ],
          "lead": "HUD"
        }
      ],
      "materials": [
        {
          "code": "M01",
          "name": "建筑工程施工许可证申请表",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M02",
          "name": "建设工程规划许可证",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M03",
          "name": "施工合同",
          "required": true,
          "tolerable": true
        },
        {
          "code": "M04",
          "name": "消防设计审查意见",
          "required": true,
          "tolerable": true
        },
        {
          "code": "M05",
          "name": "建设资金已经落实承诺书",
          "required": true,
          "tolerable": true
        }
      ],
      "fees": [],
      "results": [
        {
          "department": "HUD",
          "name": "建筑工程施工许可证"
        }
      ]
    },
    {
      "code": "ROAD-EXCAVATION",
      "name": "城市道路挖掘许可",
      "powerType": "LICENSE",
      "caseType": "JOINT",
      "applicantTypes": [
        "ORG"
      ],
      "legalDays": 10,
      "promisedDays": 3,
      "reviewPlan": [
        {
          "stage": 1,
          "departments": [
            "HUD",
            "PSB"
          ],
          "lead": "HUD"
        }
      ],
      "materials": [
        {
          "code": "M01",
          "name": "城市道路挖掘申请表",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M02",
          "name": "施工方案及平面图",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M03",
          "name": "交通组织方案",
          "required": true,
          "tolerable": true
        }
      ],
      "fees": [
        {
          "code": "ROAD-REPAIR",
          "name": "城市道路挖掘修复费(sample local rates)",
          "department": "HUD",
          "kind": "PER_UNIT",
          "unit": "平方米",
          "quantityFrom": "areaSquareMeters",
          "unitPriceFenBy": {
            "field": "surface",
            "rates": {
              "ASPHALT": 28000,
              "CONCRETE": 22000,
              "SIDEWALK": 15000
            }
          }
        }
      ],
      "formFields": [
        {
          "name": "areaSquareMeters",
          "label": "挖掘面积(平方米,按整平方米计)",
          "type": "integer",
          "min": 1,
          "max": 9999,
          "required": true
        },
        {
          "name": "surface",
          "label": "路面类型",
          "type": "enum",
          "values": [
            "ASPHALT",
            "CONCRETE",
            "SIDEWALK"
          ],
          "required": true
        }
      ],
      "results": [
        {
          "department": "HUD",
          "name": "城市道路挖掘许可决定书"
        }
      ]
    },
    {
      "code": "OVERSIZE-TRANSPORT",
      "name": "超限运输车辆行驶公路许可(跨区县)",
      "powerType": "LICENSE",
      "caseType": "PROMISED",
      "applicantTypes": [
        "ORG",
        "PERSON"
      ],
      "legalDays": 5,
      "promisedDays": 2,
      "reviewPlan": [
        {
          "stage": 1,
          "departments": [
            "TRB"
          ],
          "lead": "TRB"
        }
      ],
      "materials": [
        {
          "code": "M01",
          "name": "公路超限运输申请表",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M02",
          "name": "车辆行驶证",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M03",
          "name": "承运人道路运输经营许可证",
          "required": true,
          "tolerable": false
        }
      ],
      "fees": [],
      "results": [
        {
          "department": "TRB",
          "name": "超限运输车辆通行证"
        }
      ]
    },
    {
      "code": "ID-CARD",
      "name": "居民身份证申领、换领、补领",
      "powerType": "PUBLIC_SERVICE",
      "caseType": "PROMISED",
      "applicantTypes": [
        "PERSON"
      ],
      "legalDays": 60,
      "promisedDays": 20,
      "reviewPlan": [
        {
          "stage": 1,
          "departments": [
            "PSB"
          ],
          "lead": "PSB"
        }
      ],
      "materials": [
        {
          "code": "M01",
          "name": "居民户口簿",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M02",
          "name": "原居民身份证(换领时)",
          "required": false,
          "tolerable": true
        }
      ],
      "fees": [
        {
          "code": "ID-FEE",
          "name": "居民身份证工本费(申领、换领)",
          "department": "PSB",
          "kind": "FIXED",
          "amountFen": 2000,
          "when": {
            "variant": [
              "FIRST",
              "RENEW"
            ]
          }
        },
        {
          "code": "ID-FEE-LOST",
          "name": "居民身份证工本费(丢失补领、损坏换领)",
          "department": "PSB",
          "kind": "FIXED",
          "amountFen": 4000,
          "when": {
            "variant": [
              "LOST",
              "DAMAGED"
            ]
          }
        }
      ],
      "formFields": [
        {
          "name": "variant",
          "label": "申领类型",
          "type": "enum",
          "values": [
            "FIRST",
            "RENEW",
            "LOST",
            "DAMAGED"
          ],
          "required": true
        }
      ],
      "results": [
        {
          "department": "PSB",
          "name": "居民身份证"
        }
      ]
    },
    {
      "code": "SEAL-FILING",
      "name": "印章刻制备案",
      "powerType": "OTHER",
      "caseType": "IMMEDIATE",
      "applicantTypes": [
        "ORG"
      ],
      "legalDays": 1,
      "promisedDays": 0,
      "reviewPlan": [
        {
          "stage": 1,
          "departments": [
            "PSB"
          ],
          "lead": "PSB"
        }
      ],
      "materials": [
        {
          "code": "M01",
          "name": "营业执照",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M02",
          "name": "法定代表人身份证件",
          "required": true,
          "tolerable": false
        }
      ],
      "fees": [],
      "results": [
        {
          "department": "PSB",
          "name": "印章备案回执"
        }
      ]
    },
    {
      "code": "INVEST-FILING",
      "name": "企业投资项目备案",
      "powerType": "OTHER",
      "caseType": "IMMEDIATE",
      "applicantTypes": [
        "ORG"
      ],
      "legalDays": 1,
      "promisedDays": 0,
      "reviewPlan": [
        {
          "stage": 1,
          "departments": [
            "DRC"
          ],
          "lead": "DRC"
        }
      ],
      "materials": [
        {
          "code": "M01",
          "name": "项目备案信息表",
          "required": true,
          "tolerable": false
        }
      ],
      "fees": [],
      "results": [
        {
          "department": "DRC",
          "name": "项目备案证明"
        }
      ]
    },
    {
      "code": "LOW-INCOME",
      "name": "最低生活保障审核确认",
      "powerType": "CONFIRMATION",
      "caseType": "REPORTED",
      "applicantTypes": [
        "PERSON"
      ],
      "legalDays": 30,
      "promisedDays": 20,
      "acceptedAt": "township",
      "decidedBy": {
        "level": "county",
        "department": "CIVIL"
      },
      "reviewPlan": [
        {
          "stage": 1,
          "departments": [
            "CIVIL"
          ],
          "lead": "CIVIL"
        }
      ],
      "materials": [
        {
          "code": "M01",
          "name": "最低生活保障申请书",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M02",
          "name": "家庭成员身份证件及户口簿",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M03",
          "name": "家庭经济状况核查授权书",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M04",
          "name": "收入及财产状况声明",
          "required": true,
          "tolerable": true
        }
      ],
      "fees": [],
      "results": [
        {
          "department": "CIVIL",
          "name": "最低生活保障审核确认决定书"
        }
      ]
    },
    {
      "code": "PUBLIC-HYGIENE",
      "name": "公共场所卫生许可",
      "powerType": "LICENSE",
      "caseType": "PROMISED",
      "applicantTypes": [
        "ORG",
        "PERSON"
      ],
      "legalDays": 20,
      "promisedDays": 5,
      "reviewPlan": [
        {
          "stage": 1,
          "departments": [
            "HEALTH"
          ],
          "lead": "HEALTH"
        }
      ],
      "materials": [
        {
          "code": "M01",
          "name": "卫生许可申请书",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M02",
          "name": "营业执照",
          "required": true,
          "tolerable": false
        },
        {
          "code": "M03",
          "name": "卫生管理制度",
          "required": true,
          "tolerable": true
        }
      ],
      "fees": [],
      "results": [
        {
          "department": "HEALTH",
          "name": "公共场所卫生许可证",
          "validityYears": 4
        }
      ]
    }
  ]
};
